using ClassifyPipeline.Corpus;
using ClassifyPipeline.IO;
using ClassifyPipeline.State;
using ClassifyPipeline.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClassifyPipeline.Tests.State;

/// <summary>How a batch's edges reach the <c>edges</c> table: whatever their order and number, the same rows.</summary>
public sealed class SqliteChangeWriterTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] EdgeIndexes = ["edges_b: CREATE INDEX edges_b ON edges (b)", "edges_newest: CREATE INDEX edges_newest ON edges (newest)"];

    [Fact]
    public void Apply_EdgesInAnyOrder_StoredWithTheLaterEndsWindowTime()
    {
        using var temp = new TempDirectory();
        using var store = SqliteCorpusState.Open(temp.Path, new StateOptions());
        var first = Documents("d", 10, Start);
        Apply(store, first, [new("d3", "d1", 0.5), new("d0", "d9", 0.25)]);
        var second = Documents("e", 5, Start.AddDays(2));
        // both orientations, stored and new ends, out of key order
        CorpusEdge[] edges = [new("e4", "d0", 0.9), new("d2", "e1", 0.8), new("e0", "e3", 0.7), new("d9", "d8", 0.6), new("e2", "d5", 0.4)];
        Apply(store, second, edges);

        var time = first.Concat(second).ToDictionary(d => d.Id, d => d.WindowTime.UtcTicks);
        var expected = edges.Append(new("d3", "d1", 0.5)).Append(new("d0", "d9", 0.25))
            .Select(e => (e.From, e.To, e.Cosine, Math.Max(time[e.From], time[e.To]))).OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal);
        Assert.Equal(expected, Rows(temp.Path));
    }

    [Fact]
    public void Apply_EdgeListedTwice_LaterCosineKept()
    {
        using var temp = new TempDirectory();
        using var store = SqliteCorpusState.Open(temp.Path, new StateOptions());
        Apply(store, Documents("d", 3, Start), [new("d0", "d1", 0.3), new("d1", "d2", 0.5), new("d0", "d1", 0.6)]);

        Assert.Equal([("d0", "d1", 0.6, Start.AddHours(1).UtcTicks), ("d1", "d2", 0.5, Start.AddHours(2).UtcTicks)], Rows(temp.Path));
    }

    [Fact]
    public void Apply_EdgeToDocumentNotStored_FailsAndChangesDiscarded()
    {
        using var temp = new TempDirectory();
        using var store = SqliteCorpusState.Open(temp.Path, new StateOptions());

        Assert.Throws<CorpusStateException>(() => Apply(store, Documents("d", 2, Start), [new("d0", "d1", 0.3), new("d1", "x", 0.5)]));
        Assert.Empty(Rows(temp.Path));
        Assert.Empty(store.Snapshot().StoryOf);
    }

    [Fact]
    public void Apply_BulkLoadIntoEmptyTable_SameRowsAndIndexesAsRowByRow()
    {
        using var temp = new TempDirectory();
        var documents = Documents("d", 160, Start);
        var edges = AllPairs(documents).Reverse().ToList();
        Assert.True(edges.Count >= SqliteChangeWriter.RebuildIndexesFrom);
        var bulk = Path.Combine(temp.Path, "bulk");
        var small = Path.Combine(temp.Path, "small");
        using (var store = SqliteCorpusState.Open(bulk, new StateOptions()))
            Apply(store, documents, edges);
        using (var store = SqliteCorpusState.Open(small, new StateOptions()))
        {
            // below the threshold, batch by batch: the indexes are kept and updated row by row
            Apply(store, documents, []);
            foreach (var chunk in edges.Chunk(SqliteChangeWriter.RebuildIndexesFrom / 2))
                Apply(store, [], chunk);
        }

        Assert.Equal(Rows(small), Rows(bulk));
        Assert.Equal(Indexes(small), Indexes(bulk));
        Assert.Equal(EdgeIndexes, Indexes(bulk));
        Assert.Equal("ok", Scalar(bulk, "PRAGMA integrity_check"));
    }

    [Fact]
    public void Apply_FailureAfterBulkLoad_TableAndIndexesAsBefore()
    {
        using var temp = new TempDirectory();
        var documents = Documents("d", 160, Start);
        using var store = SqliteCorpusState.Open(temp.Path, new StateOptions());
        Apply(store, documents, []);
        store.FaultInjection = p =>
        {
            if (p == "edges")
                throw new IOException("simulated crash after the edges");
        };

        Assert.Throws<IOException>(() => Apply(store, [], AllPairs(documents).ToList()));
        Assert.Empty(Rows(temp.Path));
        Assert.Equal(EdgeIndexes, Indexes(temp.Path));
    }

    [Fact]
    public void Apply_ManyRows_ReportsRowsWrittenInSteps()
    {
        using var temp = new TempDirectory();
        var documents = Documents("d", 200, Start);
        var edges = AllPairs(documents).ToList();
        var reports = new List<long>();
        using var store = SqliteCorpusState.Open(temp.Path, new StateOptions());

        using (var session = store.Begin())
        {
            session.Apply(Changes(documents, edges), new SynchronousProgress<long>(reports.Add));
            session.Commit();
        }

        // 200 upserts and 19,900 edges: one report at the first step, none past the rows written
        Assert.Equal([SqliteChangeWriter.ReportEvery], reports);
        Assert.Equal(edges.Count, Rows(temp.Path).Count);
    }

    private static List<CorpusDocument> Documents(string prefix, int count, DateTimeOffset from) =>
        Enumerable.Range(0, count).Select(i => new CorpusDocument($"{prefix}{i}", null, from.AddHours(i), "s" + prefix + i, null, null, null, i, null, null)).ToList();

    private static IEnumerable<CorpusEdge> AllPairs(IReadOnlyList<CorpusDocument> documents) =>
        from i in Enumerable.Range(0, documents.Count)
        from j in Enumerable.Range(i + 1, documents.Count - i - 1)
        select new CorpusEdge(documents[i].Id, documents[j].Id, (i * 31 + j) % 97 / 100.0);

    private static void Apply(SqliteCorpusState store, IReadOnlyList<CorpusDocument> documents, IReadOnlyList<CorpusEdge> edges)
    {
        using var session = store.Begin();
        session.Apply(Changes(documents, edges));
        session.Commit();
    }

    private static CorpusChanges Changes(IReadOnlyList<CorpusDocument> documents, IReadOnlyList<CorpusEdge> edges) =>
        new(new Dictionary<int, string>(), new Dictionary<int, long>(), documents.Count, documents, [], [], edges, null,
            documents.Select(d => d.StoryId).ToList(), new Dictionary<string, string>(), Start);

    private static List<(string, string, double, long)> Rows(string folder)
    {
        using var connection = Connect(folder);
        using var command = new SqliteCommand("SELECT a, b, cosine, newest FROM edges ORDER BY a, b", connection);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, double, long)>();
        while (reader.Read())
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetInt64(3)));
        return rows;
    }

    private static List<string> Indexes(string folder)
    {
        using var connection = Connect(folder);
        using var command = new SqliteCommand("SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'edges' AND sql IS NOT NULL ORDER BY name", connection);
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
            names.Add(reader.GetString(0));
        return names;
    }

    private static object? Scalar(string folder, string sql)
    {
        using var connection = Connect(folder);
        using var command = new SqliteCommand(sql, connection);
        return command.ExecuteScalar();
    }

    private static SqliteConnection Connect(string folder)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(folder, SqliteCorpusState.FileName)};Pooling=False");
        connection.Open();
        return connection;
    }
}
