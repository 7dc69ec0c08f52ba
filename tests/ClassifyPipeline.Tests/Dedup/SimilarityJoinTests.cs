using ClassifyPipeline.Dedup;
using ClassifyPipeline.Dedup.Corpus;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class SimilarityJoinTests
{
    private static readonly Lazy<IReadOnlyList<SparseVector>> Vectors = new(() =>
    {
        var set = RepublicationSet.Build(DedupCorpus.Bbc, originals: 250, seed: 7);
        return DedupCorpus.Vectorize(set.Articles).Documents.Select(d => d.Vector).ToList();
    });

    [Theory]
    [InlineData(0.15)]
    [InlineData(0.3)]
    [InlineData(0.8)]
    public void Find_GeneratedCorpus_RecallVersusExhaustiveAtLeast995(double threshold)
    {
        var exhaustive = AllPairsSimilarity.Find(Vectors.Value, threshold);
        var indexed = SimilarityJoin.Find(Vectors.Value, threshold);

        var found = indexed.Select(p => (p.I, p.J)).ToHashSet();
        var recalled = exhaustive.Count(p => found.Contains((p.I, p.J)));
        Assert.True(exhaustive.Count > 100, $"too few pairs to measure: {exhaustive.Count}");
        var recall = (double)recalled / exhaustive.Count;
        Assert.True(recall >= 0.995, $"recall {recall:F4} ({recalled} of {exhaustive.Count})");
        // and nothing below the threshold: every candidate was verified
        Assert.All(indexed, p => Assert.True(p.Cosine >= threshold && p.I < p.J));
    }

    [Fact]
    public void Find_OneThreadOrMany_SamePairsAndCosines()
    {
        var one = SimilarityJoin.Find(Vectors.Value, 0.2, maxDegreeOfParallelism: 1);
        var many = SimilarityJoin.Find(Vectors.Value, 0.2, maxDegreeOfParallelism: 4);
        Assert.Equal(one, many);
    }

    [Fact]
    public void Find_PairSharingOnlyFrequentTerms_StillFound()
    {
        // term 0 is in every vector (frequent, so in every prefix); the pair 0–1 matches through it alone
        var vectors = new List<SparseVector>
        {
            new([0, 1], [0.9f, 0.43588989f]),
            new([0, 2], [0.9f, 0.43588989f]),
            new([0, 3], [0.1f, 0.99498744f]),
            new([0, 4], [0.1f, 0.99498744f]),
        };
        var pairs = SimilarityJoin.Find(vectors, 0.5);
        var pair = Assert.Single(pairs);
        Assert.Equal((0, 1), (pair.I, pair.J));
        Assert.Equal(0.81, pair.Cosine, 5);
    }
}
