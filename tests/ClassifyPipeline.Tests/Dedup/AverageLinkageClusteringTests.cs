using ClassifyPipeline.Dedup;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class AverageLinkageClusteringTests
{
    [Fact]
    public void Cluster_ThreeTightGroupsJoinedByWeakSingleLinks_StayApart()
    {
        // groups {0,1,2}, {3,4,5}, {6,7,8}; inside 0.9; one 0.4 link 2–3 and one 0.4 link 5–6 (above the threshold,
        // so single linkage would chain all nine into one story)
        var edges = new List<(int, int, double)>();
        foreach (var g in new[] { 0, 3, 6 })
        {
            edges.Add((g, g + 1, 0.9));
            edges.Add((g, g + 2, 0.9));
            edges.Add((g + 1, g + 2, 0.9));
        }
        edges.Add((2, 3, 0.4));
        edges.Add((5, 6, 0.4));

        var labels = AverageLinkageClustering.Cluster(9, edges, 0.3);

        Assert.Equal([0, 0, 0, 3, 3, 3, 6, 6, 6], labels);
    }

    [Fact]
    public void Cluster_GroupsWithStrongCrossLinks_Merge()
    {
        var edges = new List<(int, int, double)> { (0, 1, 0.9), (2, 3, 0.9), (0, 2, 0.5), (0, 3, 0.5), (1, 2, 0.5), (1, 3, 0.5) };
        Assert.Equal([0, 0, 0, 0], AverageLinkageClustering.Cluster(4, edges, 0.3));
    }

    [Fact]
    public void Cluster_ManyMergesRebuildTheQueue_SameLabelsAsWithoutRebuilding()
    {
        // every pair linked, mostly weakly (below the threshold, so not queued at first), a few strongly: merges
        // lift many weak pairs over the threshold and re-queue them, leaving many stale entries behind
        var random = new Random(7);
        var edges = new List<(int, int, double)>();
        for (var i = 0; i < 600; i++)
        {
            for (var j = i + 1; j < 600; j++)
                edges.Add((i, j, random.NextDouble() < 0.05 ? 0.95 : random.Next(2) == 0 ? 0.1 : 0.12));
        }

        var rebuilt = AverageLinkageClustering.Cluster(600, edges, 0.15, rebuildQueue: true, out var rebuilds);
        var reference = AverageLinkageClustering.Cluster(600, edges, 0.15, rebuildQueue: false, out _);

        Assert.True(rebuilds > 0, "the test graph should make the queue rebuild");
        Assert.Equal(reference, rebuilt);
        Assert.True(rebuilt.Distinct().Count() is > 0 and < 600);
    }
}
