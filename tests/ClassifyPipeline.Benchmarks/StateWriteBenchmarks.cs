using BenchmarkDotNet.Attributes;
using ClassifyPipeline.Corpus;
using ClassifyPipeline.State;
using Microsoft.Data.Sqlite;

namespace ClassifyPipeline.Benchmarks;

/// <summary>
/// Writing one batch of documents (with their term bags) and edges into a fresh SQLite state: the state's own writer
/// (prepared statements, one transaction) against a baseline that inserts each row with a statement of its own,
/// not prepared, each in its own transaction (autocommit).
/// Run: <c>dotnet run -c Release --project tests/ClassifyPipeline.Benchmarks -- --filter '*StateWriteBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class StateWriteBenchmarks
{
    private StoryBenchmarkData _data = null!;
    private CorpusChanges _changes = null!;
    private string _folder = "";

    [GlobalSetup]
    public void Setup()
    {
        _data = new StoryBenchmarkData(500);
        var now = DateTimeOffset.UnixEpoch;
        var documents = _data.Documents.Select((d, i) => new CorpusDocument(d.Id, now.AddMinutes(i), now, "s" + (i / 5), null, null, _data.Bags[i], _data.Bags[i].Hash(), d.Header.Title, null)).ToList();
        var edges = _data.Join(0.15).Select(p => new CorpusEdge(documents[p.I].Id, documents[p.J].Id, p.Cosine)).ToList();
        var terms = _data.Vocabulary.Select((t, i) => (i, t)).ToDictionary(p => p.i, p => p.t);
        _changes = new CorpusChanges(terms, terms.ToDictionary(p => p.Key, _ => 1L), documents.Count, documents, [], [], edges, null,
            documents.Select(d => d.StoryId).Distinct().ToList(), new Dictionary<string, string>(), now);
    }

    [IterationSetup]
    public void Fresh()
    {
        _folder = Path.Combine(Path.GetTempPath(), "state-bench-" + Guid.NewGuid().ToString("N"));
        SqliteCorpusState.Open(_folder, new StateOptions()).Dispose();
    }

    [IterationCleanup]
    public void Remove()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public void StateWriter()
    {
        using var state = SqliteCorpusState.Open(_folder, new StateOptions());
        using var session = state.Begin();
        session.Apply(_changes);
        session.Commit();
    }

    [Benchmark(Baseline = true)]
    public void RowByRowAutocommit()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, SqliteCorpusState.FileName)};Pooling=False");
        connection.Open();
        foreach (var d in _changes.Upserts)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO documents (id, published, first_seen, window_time, story_id, bag, bag_hash, title) VALUES ($id, $p, $f, $w, $s, $b, $h, $t)";
            command.Parameters.AddWithValue("$id", d.Id);
            command.Parameters.AddWithValue("$p", d.Published!.Value.ToString());
            command.Parameters.AddWithValue("$f", d.FirstSeen.UtcTicks);
            command.Parameters.AddWithValue("$w", d.WindowTime.UtcTicks);
            command.Parameters.AddWithValue("$s", d.StoryId);
            command.Parameters.AddWithValue("$b", d.Bag!.Bytes.ToArray());
            command.Parameters.AddWithValue("$h", d.BagHash);
            command.Parameters.AddWithValue("$t", (object?)d.Title ?? DBNull.Value);
            command.ExecuteNonQuery();
        }
        foreach (var e in _changes.Edges)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO edges (a, b, cosine, newest) VALUES ($a, $b, $c, 0)";
            command.Parameters.AddWithValue("$a", e.From);
            command.Parameters.AddWithValue("$b", e.To);
            command.Parameters.AddWithValue("$c", e.Cosine);
            command.ExecuteNonQuery();
        }
    }
}
