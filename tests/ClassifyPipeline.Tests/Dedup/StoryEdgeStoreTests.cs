using ClassifyPipeline.Dedup;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class StoryEdgeStoreTests
{
    private static readonly string[] Ids = ["a", "b", "c", "d"];
    private static readonly string[] Terms = ["zero", "one", "two", "three", "four", "five"];

    [Fact]
    public void Edge_ReadBack_SameEndsCosineTierAndTermsInOrder()
    {
        var store = new StoryEdgeStore(Ids, capacity: 3, termsPerEdge: 3);
        store.Add(0, 2, 0.1 + 0.2, duplicate: false, [5, 1, 3], Terms);
        store.Add(1, 3, 0.9, duplicate: true, [1], Terms);
        store.Add(2, 3, 0.25, duplicate: false, [], Terms);
        store.Seal();

        var edges = new StoryEdges(store, 0, 3).ToList();

        Assert.Equal(("a", "c", 0.1 + 0.2, EdgeTier.Story), (edges[0].From, edges[0].To, edges[0].Cosine, edges[0].Tier));
        Assert.Equal(["five", "one", "three"], edges[0].SharedTerms);
        Assert.Equal(("b", "d", 0.9, EdgeTier.Duplicate), (edges[1].From, edges[1].To, edges[1].Cosine, edges[1].Tier));
        Assert.Equal(["one"], edges[1].SharedTerms);
        Assert.Empty(edges[2].SharedTerms);
    }

    [Fact]
    public void StoryEdges_Range_ReadsOnlyItsStorysEdges()
    {
        var store = new StoryEdgeStore(Ids, capacity: 3, termsPerEdge: 1);
        store.Add(0, 1, 0.5, false, [0], Terms);
        store.Add(1, 2, 0.6, false, [2], Terms);
        store.Add(2, 3, 0.7, false, [4], Terms);

        var second = new StoryEdges(store, 1, 2);

        Assert.Equal(2, second.Count);
        Assert.Equal(["b>c two", "c>d four"], second.Select(e => $"{e.From}>{e.To} {e.SharedTerms[0]}"));
        Assert.Equal("c", second[1].From);
        Assert.Throws<ArgumentOutOfRangeException>(() => second[2]);
    }
}
