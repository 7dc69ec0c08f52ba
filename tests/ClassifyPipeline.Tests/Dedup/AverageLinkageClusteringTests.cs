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
}
