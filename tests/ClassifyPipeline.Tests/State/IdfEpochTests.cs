using ClassifyPipeline.Corpus;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.State;
using ClassifyPipeline.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Tests.State;

/// <summary>The IDF frozen per window epoch (<see cref="IdfEpoch"/>, <c>dedup.idfRefreshFraction</c>) across batches of a state.</summary>
public sealed class IdfEpochTests
{
    private static readonly IReadOnlyList<TestArticle> Corpus = StateTestData.FncArticles(stories: 4);

    private static readonly IReadOnlyList<TestArticle> SplitCorpus = StateTestData.FncArticles(stories: 32);

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(0.0, false)]
    public void Run_CopyOfAStoredArticleInALaterBatch_SameCosineAsTheStoredEdgeOnlyUnderAKeptEpoch(double refreshFraction, bool same)
    {
        // a later batch re-sends the text of a stored article y under a new id: under the first batch's IDF its pair
        // with x is the stored pair x–y exactly; refitted (the copy itself moves the frequencies) it is not
        using var temp = new TempDirectory();
        var options = Options(refreshFraction);
        using var memory = new InMemoryCorpusState();
        new PipelineRunner(options, NullLogger.Instance, state: memory).Run([StateTestData.WriteBatch(temp.Path, "a", Corpus)]);
        var stored = Edges(memory, Corpus.Select(a => a.Id).ToList());
        var edge = stored.Where(e => e.Cosine < 0.99).OrderByDescending(e => e.Cosine).ThenBy(e => e.From, StringComparer.Ordinal).First();
        var y = Corpus.Single(a => a.Id == edge.To);

        new PipelineRunner(options, NullLogger.Instance, state: memory).Run([StateTestData.WriteBatch(temp.Path, "b", [y with { Id = "copy", Published = y.Published!.Value.AddHours(1) }])]);

        var copy = Edges(memory, ["copy"]).Single(e => e.From == edge.From || e.To == edge.From);
        if (same)
            Assert.Equal(edge.Cosine, copy.Cosine, 1e-6);
        else
            Assert.True(Math.Abs(edge.Cosine - copy.Cosine) > 1e-5, $"stored {edge.Cosine}, copy {copy.Cosine}");
        Assert.Equal(Epoch(memory).DocumentCount, same ? Corpus.Count : Corpus.Count + 1);
    }

    [Fact]
    public void Run_BatchesPastTheRefreshFraction_NewEpochFittedOnSchedule()
    {
        // 0.5 of the first fit's 40 documents: 10 more keep it (10 ≤ 20), 15 after them refit (25 > 20) on all 65
        using var temp = new TempDirectory();
        var options = Options();
        var ordered = SplitCorpus.OrderBy(a => a.Published).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var state = Path.Combine(temp.Path, "state");
        using var memory = new InMemoryCorpusState();
        var expected = new[] { 40, 40, 65, 65 };
        var batches = new[] { ordered.Take(40), ordered.Skip(40).Take(10), ordered.Skip(50).Take(15), ordered.Skip(65).Take(5) };
        for (var k = 0; k < batches.Length; k++)
        {
            var batch = StateTestData.WriteBatch(temp.Path, "b" + k, batches[k]);
            StateTestData.Run(state, batch, options);
            new PipelineRunner(options, NullLogger.Instance, state: memory).Run([batch]);
            var onDisk = SqliteVocabulary(state, options);
            Assert.Equal(expected[k], onDisk.Epoch!.DocumentCount);
            Assert.Equal(expected[k], Epoch(memory).DocumentCount);
            Assert.Equal(Epoch(memory).DocumentFrequency, onDisk.Epoch.DocumentFrequency.Take(Epoch(memory).DocumentFrequency.Count));
            Assert.All(onDisk.Epoch.DocumentFrequency.Skip(Epoch(memory).DocumentFrequency.Count), df => Assert.Equal(0, df));
        }
        // the epoch is the frequencies as the refitting batch left them; later batches move only the current ones
        var vocabulary = SqliteVocabulary(state, options);
        Assert.Equal(70, vocabulary.DocumentCount);
        Assert.NotEqual(vocabulary.DocumentFrequency, vocabulary.Epoch!.DocumentFrequency);
        Assert.True(vocabulary.Epoch.DocumentFrequency.Sum() < vocabulary.DocumentFrequency.Sum());
    }

    [Fact]
    public void Run_StateWrittenBeforeEpochs_NextBatchFitsOneAndRunsAsBefore()
    {
        // a state from before epochs has no idf_epoch table and no idfEpochDocuments setting: its next batch fits an
        // epoch on everything (as every batch did then) and from then on keeps it
        using var temp = new TempDirectory();
        var options = Options();
        var ordered = Corpus.OrderBy(a => a.Published).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var (a, b, c) = (StateTestData.WriteBatch(temp.Path, "a", ordered.Take(30)), StateTestData.WriteBatch(temp.Path, "b", ordered.Skip(30).Take(5)),
            StateTestData.WriteBatch(temp.Path, "c", ordered.Skip(35).Take(5)));
        var old = Path.Combine(temp.Path, "old");
        StateTestData.Run(old, a, options);
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(old, SqliteCorpusState.FileName)};Pooling=False"))
        {
            connection.Open();
            using var downgrade = connection.CreateCommand();
            downgrade.CommandText = "DROP TABLE idf_epoch; DELETE FROM settings WHERE key = 'idfEpochDocuments';";
            downgrade.ExecuteNonQuery();
        }
        Assert.Null(SqliteVocabulary(old, options).Epoch);
        var refitting = Options(0);
        var before = Path.Combine(temp.Path, "before");
        StateTestData.Run(before, a, refitting);

        var upgraded = StateTestData.Run(old, b, options);

        Assert.Equal(StateTestData.Outputs(StateTestData.Run(before, b, refitting)), StateTestData.Outputs(upgraded));
        Assert.Equal(35, SqliteVocabulary(old, options).Epoch!.DocumentCount);
        StateTestData.Run(old, c, options);
        Assert.Equal(35, SqliteVocabulary(old, options).Epoch!.DocumentCount);
        Assert.Equal(40, SqliteVocabulary(old, options).DocumentCount);
    }

    [Theory]
    [InlineData(0.8)]
    [InlineData(0.9)]
    public void Run_SmallSecondBatchUnderTheKeptEpoch_StoriesOfOneRun(double firstShare)
    {
        // issue 14's bar for a split whose second batch is weighed with the first batch's IDF
        using var temp = new TempDirectory();
        var options = Options();
        var ordered = SplitCorpus.OrderBy(a => a.Published).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var single = StateTestData.RunWithoutState(StateTestData.WriteBatch(temp.Path, "all", ordered), options);
        var state = Path.Combine(temp.Path, "state");
        var cut = (int)(ordered.Count * firstShare);

        StateTestData.Run(state, StateTestData.WriteBatch(temp.Path, "a", ordered.Take(cut)), options);
        StateTestData.Run(state, StateTestData.WriteBatch(temp.Path, "b", ordered.Skip(cut)), options);

        Assert.Equal(cut, SqliteVocabulary(state, options).Epoch!.DocumentCount);
        var snapshot = StateTestData.Snapshot(state, options);
        StateTestData.AssertCloseToOneRun(single, snapshot);
        StateTestData.AssertConsistent(snapshot);
    }

    [Fact]
    public void Run_KeptEpochOneThreadOrMany_SameOutputs()
    {
        using var temp = new TempDirectory();
        var ordered = SplitCorpus.OrderBy(a => a.Published).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var batches = new[] { ordered.Take(300), ordered.Skip(300).Take(100) }.Select((b, i) => StateTestData.WriteBatch(temp.Path, "b" + i, b)).ToList();
        var outputs = new List<(string, string)>[2];
        foreach (var (threads, k) in new[] { (1, 0), (4, 1) })
        {
            var options = Options();
            options.Dedup.MaxDegreeOfParallelism = threads;
            var state = Path.Combine(temp.Path, "state" + k);
            outputs[k] = batches.Select(b => StateTestData.Outputs(StateTestData.Run(state, b, options))).ToList();
            Assert.Equal(300, SqliteVocabulary(state, options).Epoch!.DocumentCount);
        }
        Assert.Equal(outputs[0], outputs[1]);
    }

    /// <summary>The test options with the epoch kept until the state grows by half (the default, 0, refits every batch).</summary>
    private static PipelineOptions Options(double refreshFraction = 0.5)
    {
        var options = StateTestData.Options();
        options.Dedup.IdfRefreshFraction = refreshFraction;
        return options;
    }

    private static IdfEpoch Epoch(InMemoryCorpusState state)
    {
        using var session = state.Begin();
        return session.LoadVocabulary().Epoch!;
    }

    private static CorpusVocabulary SqliteVocabulary(string stateDir, PipelineOptions options)
    {
        using var store = SqliteCorpusState.Open(stateDir, options.State);
        using var session = store.Begin();
        return session.LoadVocabulary();
    }

    private static IReadOnlyList<CorpusEdge> Edges(InMemoryCorpusState state, IReadOnlyCollection<string> ids)
    {
        using var session = state.Begin();
        return session.LoadEdges(ids).OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ToList();
    }
}
