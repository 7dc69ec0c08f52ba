using ClassifyPipeline.Dedup;
using ClassifyPipeline.Tools.Corpus;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class SimilarityJoinTests
{
    private static readonly Lazy<IReadOnlyList<SparseVector>> Republications = new(() =>
    {
        var set = RepublicationSet.Build(DedupCorpus.Bbc, originals: 250, seed: 7);
        return DedupCorpus.Vectorize(set.Articles).Documents.Select(d => d.Vector).ToList();
    });

    // long articles, many pairs just above the story threshold
    private static readonly Lazy<IReadOnlyList<SparseVector>> Fnc1Bodies = new(() =>
        DedupCorpus.Vectorize(DedupCorpus.Fnc1Articles).Documents.Select(d => d.Vector).ToList());

    [Theory]
    [InlineData(0.15)]
    [InlineData(0.3)]
    [InlineData(0.7)]
    public void Find_RepublicationSet_SamePairsAndCosinesAsAllPairs(double threshold) =>
        AssertSameAsAllPairs(Republications.Value, threshold);

    [Fact]
    public void Find_Fnc1Bodies_SamePairsAndCosinesAsAllPairs() =>
        AssertSameAsAllPairs(Fnc1Bodies.Value, 0.15);

    [Fact]
    public void Find_OneThreadOrMany_SamePairsAndCosines()
    {
        var one = SimilarityJoin.Find(Republications.Value, 0.2, maxDegreeOfParallelism: 1);
        var many = SimilarityJoin.Find(Republications.Value, 0.2, maxDegreeOfParallelism: 4);
        Assert.Equal(one, many);
    }

    [Fact]
    public void Find_Probed_CountsUpToEveryDocument()
    {
        var vectors = Enumerable.Repeat(Fnc1Bodies.Value, 3).SelectMany(v => v).ToList();
        var reports = new List<int>();
        SimilarityJoin.Find(vectors, 0.99, probed: new ClassifyPipeline.Pipeline.SynchronousProgress<int>(reports.Add));

        Assert.True(vectors.Count > 4096, "too few documents for a report before the last");
        Assert.Equal(vectors.Count / 4096 + 1, reports.Count);
        Assert.All(reports[..^1], r => Assert.Equal(0, r % 4096));
        Assert.Equal(vectors.Count, reports[^1]);
    }

    [Fact]
    public void Find_WindowStart_OnlyPairsInsideTheWindow()
    {
        var vectors = Republications.Value;
        var all = SimilarityJoin.Find(vectors, 0.3);
        var starts = Enumerable.Range(0, vectors.Count).Select(j => Math.Max(0, j - 50)).ToArray();

        var windowed = SimilarityJoin.Find(vectors, 0.3, starts);

        Assert.Equal(all.Where(p => p.I >= p.J - 50).ToList(), windowed);
        Assert.True(windowed.Count < all.Count, "the window should have cut some pairs, or the test proves nothing");
    }

    [Fact]
    public void Find_PairAtTheThresholdThroughManySmallWeights_Found()
    {
        // 100 shared terms of weight 0.1 each side: cosine exactly 1.0 as a sum of 100 single-precision products,
        // and a second pair at 0.5 made of 50 of them
        var all = Enumerable.Range(0, 100).ToArray();
        var half = Enumerable.Range(0, 50).Concat(Enumerable.Range(100, 50)).ToArray();
        var vectors = new List<SparseVector>
        {
            new(all, Enumerable.Repeat(0.1f, 100).ToArray()),
            new(all, Enumerable.Repeat(0.1f, 100).ToArray()),
            new(half, Enumerable.Repeat(0.1f, 100).ToArray()),
        };
        var pairs = SimilarityJoin.Find(vectors, 0.5);
        Assert.Equal([(0, 1), (0, 2), (1, 2)], pairs.Select(p => (p.I, p.J)));
        Assert.Equal(0.5, pairs[1].Cosine, 5);
    }

    private static void AssertSameAsAllPairs(IReadOnlyList<SparseVector> vectors, double threshold)
    {
        var reference = AllPairsSimilarity.Find(vectors, threshold);
        var indexed = SimilarityJoin.Find(vectors, threshold);

        Assert.True(reference.Count > 100, $"too few pairs to compare: {reference.Count}");
        Assert.Equal(reference.Select(p => (p.I, p.J)).Order().ToList(), indexed.Select(p => (p.I, p.J)).Order().ToList());
        var cosines = reference.ToDictionary(p => (p.I, p.J), p => p.Cosine);
        Assert.All(indexed, p => Assert.Equal(cosines[(p.I, p.J)], p.Cosine, 9));
    }
}
