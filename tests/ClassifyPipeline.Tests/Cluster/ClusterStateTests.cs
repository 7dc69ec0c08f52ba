using ClassifyPipeline.Cluster.Corpus;
using ClassifyPipeline.Corpus;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Tests.State;
using ClassifyPipeline.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Tests.Cluster;

/// <summary>
/// The cluster implementation of the corpus-state seam against the single-machine one, on a three-silo local cluster:
/// the same outputs batch by batch, and the same state after.
/// </summary>
public sealed class ClusterStateTests(LocalClusterFixture cluster) : IClassFixture<LocalClusterFixture>
{
    [Fact]
    public void Run_BatchesThroughLocalCluster_SameOutputsAndStoriesAsInMemoryState()
    {
        using var temp = new TempDirectory();
        var options = StateTestData.Options(windowDays: 1);
        options.Dedup.IdfRefreshFraction = 0.5; // batches that keep the IDF epoch and batches that refit it
        var corpus = StateTestData.FncArticles(stories: 6).OrderBy(a => a.Published).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        // the last batch repeats an article, changes two (one moves in time), brings undated ones, and one so late that
        // the rest falls out of reach (their bags and edges are let go)
        var last = new List<TestArticle>
        {
            corpus[3],
            corpus[5] with { Body = corpus[5].Body + " An update added this sentence." },
            corpus[9] with { Published = corpus[9].Published!.Value.AddDays(1), Body = corpus[9].Body + " Corrected." },
            corpus[7] with { Id = "undated1", Published = null },
            corpus[30] with { Id = "undated2", Published = null, Body = corpus[30].Body + " Reported again." },
            corpus[40] with { Id = "late", Published = corpus[^1].Published!.Value.AddDays(2.5) },
        };
        var batches = new[] { corpus.Take(25), corpus.Skip(25).Take(20), corpus.Skip(45), last }
            .Select((b, i) => StateTestData.WriteBatch(temp.Path, "batch" + i, b)).ToList();
        using var local = new InMemoryCorpusState();
        var state = new ClusterCorpusState(cluster.Client, new ClusterStateOptions { Corpus = "fnc-" + Guid.NewGuid().ToString("N")[..8] }, options.Dedup.WindowDays);

        foreach (var batch in batches)
        {
            var expected = new PipelineRunner(options, NullLogger.Instance, state: local).Run([batch]);
            var actual = new PipelineRunner(options, NullLogger.Instance, state: state, joiner: state.Joiner).Run([batch]);
            Assert.Equal(StateTestData.Outputs(expected), StateTestData.Outputs(actual));
            Assert.Equal(StateTestData.ThreadsJsonl(expected), StateTestData.ThreadsJsonl(actual));
        }

        // the state itself: every document's story, the aliases, the term statistics
        using var session = state.Begin();
        var ids = local.Documents.Select(d => d.Id).ToList();
        var stored = session.LoadDocuments(ids).ToDictionary(d => d.Id);
        Assert.Equal(local.Documents.Select(d => (d.Id, d.StoryId, d.DuplicateOf)).Order(), stored.Values.Select(d => (d.Id, d.StoryId, d.DuplicateOf)).Order());
        Assert.All(local.Documents, d => Assert.Equal(d.Bag is null, stored[d.Id].Bag is null));
        Assert.All(local.Stories, s => Assert.True(session.IsStoryIdTaken(s), s));
        Assert.All(local.Aliases.Keys, s => Assert.True(session.IsStoryIdTaken(s), s));
        using var localSession = local.Begin();
        var expectedVocabulary = localSession.LoadVocabulary();
        var vocabulary = session.LoadVocabulary();
        Assert.Equal(expectedVocabulary.DocumentCount, vocabulary.DocumentCount);
        Assert.Equal(expectedVocabulary.Terms, vocabulary.Terms);
        Assert.Equal(expectedVocabulary.DocumentFrequency, vocabulary.DocumentFrequency);
        Assert.Equal(expectedVocabulary.Epoch!.DocumentCount, vocabulary.Epoch!.DocumentCount);
        Assert.Equal(expectedVocabulary.Epoch.DocumentFrequency, vocabulary.Epoch.DocumentFrequency.Take(expectedVocabulary.Epoch.DocumentFrequency.Count));
        Assert.Equal(Edges(localSession, ids), Edges(session, ids));
        // the threads: every story's summary (thread, dates, outlets, profile) and the thread aliases
        var threads = session.LoadThreads();
        Assert.Equal(local.Summaries.Values.Select(StateTestData.Text).Order(StringComparer.Ordinal), threads.Stories.Select(StateTestData.Text).Order(StringComparer.Ordinal));
        Assert.Equal(local.ThreadAliases.OrderBy(p => p.Key, StringComparer.Ordinal), threads.Aliases.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.NotEmpty(threads.Stories);
        // what the batches exercised: stored edges, bags let go out of reach, stories of several articles
        Assert.NotEmpty(Edges(localSession, ids));
        Assert.Contains(local.Documents, d => d.Bag is null);
        Assert.Contains(local.Documents.GroupBy(d => d.StoryId), g => g.Count() > 2);
    }

    [SkippableFact]
    public void Run_DevelopmentStoriesThroughLocalCluster_SameAsSingleMachine()
    {
        ClusterTestData.SkipUnlessData();
        using var temp = new TempDirectory();
        var input = ClusterTestData.Fnc1(temp.Path);
        var options = ClusterTestData.Options();
        var expected = new PipelineRunner(options, NullLogger.Instance).Run([input]);
        // no corpus name: a corpus of its own for the run (these articles are undated: they meet in the undated grains)
        var state = new ClusterCorpusState(cluster.Client, new ClusterStateOptions(), options.Dedup.WindowDays, watch: cluster.Connection.Watch);
        var actual = new PipelineRunner(options, NullLogger.Instance, state: state, joiner: state.Joiner).Run([input]);

        Assert.Equal(StateTestData.Outputs(expected), StateTestData.Outputs(actual));
        Assert.InRange(expected.Articles.Count, 1500, 2000);
        Assert.True(expected.Stories.Count(s => s.Members.Count > 1) > 100);
    }

    [SkippableFact]
    public void Run_Generated20kInTwoBatchesThroughLocalCluster_SameAsSingleMachine()
    {
        ClusterTestData.SkipUnlessData();
        using var temp = new TempDirectory();
        // a one-day window over seven days of articles: several slices, and the first days settle during the second batch
        var options = ClusterTestData.Options(windowDays: 1);
        var batches = ClusterTestData.Generated(temp.Path, 20_000, 2);
        using var local = new InMemoryCorpusState();
        var state = new ClusterCorpusState(cluster.Client, new ClusterStateOptions { Corpus = "gen-" + Guid.NewGuid().ToString("N")[..8] }, options.Dedup.WindowDays, watch: cluster.Connection.Watch);
        foreach (var batch in batches)
        {
            var expected = new PipelineRunner(options, NullLogger.Instance, state: local).Run([batch]);
            var actual = new PipelineRunner(options, NullLogger.Instance, state: state, joiner: state.Joiner).Run([batch]);
            Assert.Equal(StateTestData.Outputs(expected), StateTestData.Outputs(actual));
        }
        using var session = state.Begin();
        var stored = session.LoadDocuments(local.Documents.Select(d => d.Id).ToList());
        Assert.Equal(local.Documents.Select(d => (d.Id, d.StoryId, d.DuplicateOf)).Order(), stored.Select(d => (d.Id, d.StoryId, d.DuplicateOf)).Order());
        Assert.Contains(local.Documents, d => d.Bag is null);
    }

    private static List<(string, string, double)> Edges(ICorpusSession session, IReadOnlyCollection<string> ids) =>
        session.LoadEdges(ids).Select(e => (e.From, e.To, e.Cosine)).Order().ToList();
}
