using ClassifyPipeline.Corpus;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Tests.State;
using ClassifyPipeline.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Tests.Dedup;

/// <summary>
/// The <see cref="IWindowJoiner"/> extension point: a joiner that returns exactly the pairs its contract describes
/// (here by comparing every two documents) gives the stage the local join's results, batch by batch.
/// </summary>
public sealed class WindowJoinerTests
{
    [Fact]
    public void Run_ExhaustiveJoiner_SameOutputsAsLocalJoinBatchByBatch()
    {
        using var temp = new TempDirectory();
        var options = StateTestData.Options(windowDays: 1);
        var corpus = StateTestData.FncArticles(stories: 4).OrderBy(a => a.Published).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        // the last batch repeats an article, changes another, and brings undated ones (compared with every document)
        var last = new List<TestArticle>
        {
            corpus[3],
            corpus[5] with { Body = corpus[5].Body + " An update added this sentence." },
            corpus[7] with { Id = "undated1", Published = null },
            corpus[30] with { Id = "undated2", Published = null, Body = corpus[30].Body + " Reported again." },
        };
        var batches = new[] { corpus.Take(20), corpus.Skip(20).Take(15), corpus.Skip(35), last }
            .Select((b, i) => StateTestData.WriteBatch(temp.Path, "batch" + i, b)).ToList();
        using var local = new InMemoryCorpusState();
        using var joined = new InMemoryCorpusState();
        var joiner = new ExhaustiveJoiner();

        foreach (var batch in batches)
        {
            var expected = new PipelineRunner(options, NullLogger.Instance, state: local).Run([batch]);
            var actual = new PipelineRunner(options, NullLogger.Instance, state: joined, joiner: joiner).Run([batch]);
            Assert.Equal(StateTestData.Outputs(expected), StateTestData.Outputs(actual));
        }
        Assert.Equal(batches.Count, joiner.Calls);
        Assert.True(joiner.StoredReached > 0, "no pair reached a stored document: the test would not show the stored side of the join");
        Assert.Equal(local.Documents.Select(d => (d.Id, d.StoryId)).Order(), joined.Documents.Select(d => (d.Id, d.StoryId)).Order());
    }

    /// <summary>Compares every two documents of the join, as the contract of <see cref="IWindowJoiner"/> states it.</summary>
    private sealed class ExhaustiveJoiner : IWindowJoiner
    {
        public int Calls { get; private set; }

        public int StoredReached { get; private set; }

        public JoinedWindow Join(WindowJoinRequest request, CancellationToken cancellationToken)
        {
            Calls++;
            var inBatch = request.Batch.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var stored = request.Session.LoadWindow(request.From, request.To).Where(d => !inBatch.Contains(d.Id)).ToList();
            var documents = request.Batch.Select(r => (r.Id, Dated: !r.Undated, r.WindowTime, r.IsNew, Vector: request.Idf.Vector(r.Bag)))
                .Concat(stored.Select(d => (d.Id, Dated: true, d.WindowTime, IsNew: false, Vector: request.Idf.Vector(d.Bag!))))
                .ToList();
            var pairs = new List<WindowPair>();
            var reached = new HashSet<string>(StringComparer.Ordinal);
            for (var a = 0; a < documents.Count; a++)
            {
                for (var b = a + 1; b < documents.Count; b++)
                {
                    var (x, y) = (documents[a], documents[b]);
                    if (!x.IsNew && !y.IsNew || x.Dated && y.Dated && (x.WindowTime - y.WindowTime).Duration() > request.Window)
                        continue;
                    var cosine = Math.Min(1.0, x.Vector.Dot(y.Vector));
                    if (cosine < request.Threshold)
                        continue;
                    pairs.Add(new WindowPair(y.Id, x.Id, cosine));
                    reached.Add(x.Id);
                    reached.Add(y.Id);
                }
            }
            var result = stored.Where(d => reached.Contains(d.Id)).ToList();
            StoredReached += result.Count;
            return new JoinedWindow(result, pairs);
        }
    }
}
