using BenchmarkDotNet.Attributes;
using ClassifyPipeline.Corpus;
using ClassifyPipeline.State;
using Microsoft.Data.Sqlite;

namespace ClassifyPipeline.Benchmarks;

/// <summary>
/// Writing a batch's similarity edges into a state that already holds their documents (issue 17: ~10M edges were two
/// thirds of a dense 100k run). The state's writer (edges in key order, the later end's time looked up once per
/// document, a large page cache, indexes rebuilt after a load into an empty table) against the writer before
/// 2026-12-06 as baseline: the same table, one transaction, one prepared upsert per edge in list order, each looking up
/// both ends' times with two sub-selects, SQLite's default 2 MiB page cache.
/// Run: <c>dotnet run -c Release --project tests/ClassifyPipeline.Benchmarks -- --filter '*StateEdgeWriteBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5, launchCount: 1)]
public class StateEdgeWriteBenchmarks
{
    private const int DocumentCount = 5_000;
    private const int EdgeCount = 400_000;

    private List<CorpusDocument> _documents = null!;
    private List<CorpusEdge> _edges = null!;
    private string _folder = "";

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var random = new Random(17);
        var filler = new string('x', 600);
        _documents = Enumerable.Range(0, DocumentCount)
            .Select(i => new CorpusDocument($"g{i:D7}", null, start.AddMinutes(random.Next(0, 7 * 24 * 60)), $"s{i}", null, null, null, i, $"{i} {filler}", "source"))
            .ToList();
        var pairs = new HashSet<(int, int)>();
        while (pairs.Count < EdgeCount)
        {
            var (i, j) = (random.Next(DocumentCount), random.Next(DocumentCount));
            if (i != j)
                pairs.Add((Math.Min(i, j), Math.Max(i, j)));
        }
        // in no particular order: the join finds pairs by article, not in the order of the table's key
        _edges = pairs.OrderBy(_ => random.Next()).Select(p => new CorpusEdge(_documents[p.Item1].Id, _documents[p.Item2].Id, random.NextDouble())).ToList();
    }

    [IterationSetup]
    public void Fresh()
    {
        _folder = Path.Combine(Path.GetTempPath(), "state-edge-bench-" + Guid.NewGuid().ToString("N"));
        using var state = SqliteCorpusState.Open(_folder, new StateOptions());
        Apply(state, _documents, []);
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
        Apply(state, [], _edges);
    }

    [Benchmark(Baseline = true)]
    public void SubSelectsInListOrder()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, SqliteCorpusState.FileName)};Pooling=False");
        connection.Open();
        using (var pragmas = new SqliteCommand("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", connection))
            pragmas.ExecuteNonQuery();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var insert = new SqliteCommand("""
            INSERT INTO edges (a, b, cosine, newest)
            VALUES ($a, $b, $cosine, max((SELECT window_time FROM documents WHERE id = $a), (SELECT window_time FROM documents WHERE id = $b)))
            ON CONFLICT (a, b) DO UPDATE SET cosine = excluded.cosine, newest = excluded.newest
            """, connection, transaction);
        var a = insert.Parameters.Add("$a", SqliteType.Text);
        var b = insert.Parameters.Add("$b", SqliteType.Text);
        var cosine = insert.Parameters.Add("$cosine", SqliteType.Real);
        insert.Prepare();
        foreach (var e in _edges)
        {
            a.Value = e.From;
            b.Value = e.To;
            cosine.Value = e.Cosine;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private static void Apply(SqliteCorpusState state, IReadOnlyList<CorpusDocument> documents, IReadOnlyList<CorpusEdge> edges)
    {
        using var session = state.Begin();
        session.Apply(new CorpusChanges(new Dictionary<int, string>(), new Dictionary<int, long>(), documents.Count, documents, [], [], edges, null,
            documents.Select(d => d.StoryId).ToList(), new Dictionary<string, string>(), DateTimeOffset.UnixEpoch));
        session.Commit();
    }
}
