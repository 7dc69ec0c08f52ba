using ClassifyPipeline.Dedup;
using ClassifyPipeline.Tools.Corpus;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Tests.Dedup;

[Collection(nameof(WindowJoinTests))] // shares WindowJoin's static tuning knobs
public sealed class NeighborCapTests
{
    private static readonly Lazy<IReadOnlyList<SparseVector>> Fnc1Bodies = new(() =>
        DedupCorpus.Vectorize(DedupCorpus.Fnc1Articles));

    private static readonly Lazy<IReadOnlyList<SparseVector>> Republications = new(() =>
        DedupCorpus.Vectorize(RepublicationSet.Build(DedupCorpus.Bbc, originals: 250, seed: 7).Articles));

    [Fact]
    public void Keep_TiesAndOrder_HighestCosineThenEarliestByPosition()
    {
        (int, double)[] matches = [(0, 0.2), (3, 0.5), (5, 0.9), (7, 0.5), (9, 0.5), (11, 0.1)];
        Assert.Equal([(3, 0.5), (5, 0.9), (7, 0.5)], NeighborCap.Keep(matches, 3));
    }

    [Fact]
    public void Keep_NoMoreThanK_SameArray()
    {
        (int, double)[] matches = [(4, 0.2), (8, 0.5)];
        Assert.Same(matches, NeighborCap.Keep(matches, 2));
        Assert.Same(matches, NeighborCap.Keep(matches, 0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(20)]
    public void Find_MaxNeighbors_EachDocumentKeepsItsBestEarlierPairs(int k)
    {
        var vectors = Fnc1Bodies.Value;
        var documents = vectors.Select((_, j) => new JoinDocument(j * TimeSpan.TicksPerMinute, true, false)).ToList();
        var all = WindowJoin.Find(documents, i => vectors[i], Dims(vectors), 0.10, TimeSpan.FromDays(1));
        var capped = WindowJoin.Find(documents, i => vectors[i], Dims(vectors), 0.10, TimeSpan.FromDays(1), maxNeighbors: k);

        Assert.Contains(all.GroupBy(p => p.J), g => g.Count() > k); // the cap bites
        Assert.Equal(Best(all, k), capped);
        Assert.All(capped.GroupBy(p => p.J), g => Assert.True(g.Count() <= k));
    }

    [Fact]
    public void Find_MaxNeighborsOneThreadOrMany_SameOutput()
    {
        var vectors = Fnc1Bodies.Value;
        var documents = vectors.Select((_, j) => new JoinDocument(j * TimeSpan.TicksPerMinute, true, false)).ToList();
        var one = WindowJoin.Find(documents, i => vectors[i], Dims(vectors), 0.10, TimeSpan.FromDays(1), 1, maxNeighbors: 4);
        var many = WindowJoin.Find(documents, i => vectors[i], Dims(vectors), 0.10, TimeSpan.FromDays(1), 4, maxNeighbors: 4);
        Assert.Equal(one, many);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Find_MaxNeighborsUndated_CappedLikeDated(int k)
    {
        var vectors = Republications.Value;
        // the last 40 are undated, so compared with every document: their lists are trimmed as they grow
        var documents = vectors.Select((_, j) => j < vectors.Count - 40
            ? new JoinDocument(j * TimeSpan.TicksPerMinute, true, false)
            : new JoinDocument(0, true, true)).ToList();
        var (span, common) = (WindowJoin.MaxSpanDocuments, WindowJoin.MinCommonPostings);
        (WindowJoin.MaxSpanDocuments, WindowJoin.MinCommonPostings) = (50, 8);
        try
        {
            var all = WindowJoin.Find(documents, i => vectors[i], Dims(vectors), 0.10, TimeSpan.FromMinutes(30));
            var capped = WindowJoin.Find(documents, i => vectors[i], Dims(vectors), 0.10, TimeSpan.FromMinutes(30), maxNeighbors: k);
            Assert.Contains(all.Where(p => p.J >= vectors.Count - 40).GroupBy(p => p.J), g => g.Count() > 2 * k);
            Assert.Equal(Best(all, k), capped);
        }
        finally
        {
            (WindowJoin.MaxSpanDocuments, WindowJoin.MinCommonPostings) = (span, common);
        }
    }

    [Fact]
    public void Apply_PairList_SameAsFindWithTheCap()
    {
        var vectors = Fnc1Bodies.Value;
        var documents = vectors.Select((_, j) => new JoinDocument(j * TimeSpan.TicksPerMinute, true, false)).ToList();
        var all = WindowJoin.Find(documents, i => vectors[i], Dims(vectors), 0.10, TimeSpan.FromDays(1));
        var capped = WindowJoin.Find(documents, i => vectors[i], Dims(vectors), 0.10, TimeSpan.FromDays(1), maxNeighbors: 3);
        Assert.Equal(capped, NeighborCap.Apply(all, 3));
    }

    /// <summary>The brute force: per later document, its k pairs of highest cosine (ties: lower i), ordered by j then i.</summary>
    private static List<(int I, int J, double Cosine)> Best(List<(int I, int J, double Cosine)> pairs, int k) =>
        pairs.GroupBy(p => p.J)
            .SelectMany(g => g.OrderByDescending(p => p.Cosine).ThenBy(p => p.I).Take(k))
            .OrderBy(p => p.J).ThenBy(p => p.I)
            .ToList();

    private static int Dims(IReadOnlyList<SparseVector> vectors) => vectors.Max(v => v.Count == 0 ? 0 : v.Indices[^1] + 1);
}
