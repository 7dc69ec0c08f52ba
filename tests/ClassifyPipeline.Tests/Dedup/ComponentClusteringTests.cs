using ClassifyPipeline.Dedup;
using ClassifyPipeline.IO;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class ComponentClusteringTests
{
    [Fact]
    public void Cluster_OneLargeComponent_ReportsMergesAsTheyGoUpToTheTotal()
    {
        // 1,500 five-node cliques (0.9 inside) chained by weak 0.2 links into one component of 7,500 nodes: 6,000
        // merges inside it; then a pair and a lone node
        var edges = new List<(int I, int J, double Similarity)>();
        const int cliques = 1500;
        for (var c = 0; c < cliques; c++)
        {
            for (var a = 0; a < 5; a++)
            {
                for (var b = a + 1; b < 5; b++)
                    edges.Add((5 * c + a, 5 * c + b, 0.9));
            }
            if (c > 0)
                edges.Add((5 * c - 1, 5 * c, 0.2));
        }
        edges.Add((7500, 7501, 0.9));
        var reports = new List<(int Done, int Total)>();

        var labels = ComponentClustering.Cluster(7503, edges, 0.5, maxDegreeOfParallelism: 1, clustered: new SynchronousProgress<(int Done, int Total)>(reports.Add));

        Assert.Equal(ComponentClustering.Cluster(7503, edges, 0.5), labels);
        Assert.Equal(cliques + 2, labels.Distinct().Count());
        Assert.All(reports, r => Assert.Equal(7503 - 3, r.Total)); // n − 1 steps per component
        Assert.Equal((0, 7500), reports[0]);
        Assert.Equal((7500, 7500), reports[^1]);
        Assert.Contains(reports, r => r.Done == AverageLinkageClustering.MergesPerReport); // inside the large component
        Assert.Equal(reports.Select(r => r.Done).Order(), reports.Select(r => r.Done));
    }

    [Fact]
    public void Cluster_NoEdges_ReportsAnEmptyTotal()
    {
        var reports = new List<(int Done, int Total)>();

        var labels = ComponentClustering.Cluster(3, [], 0.5, clustered: new SynchronousProgress<(int Done, int Total)>(reports.Add));

        Assert.Equal([0, 1, 2], labels);
        Assert.Equal([(0, 0), (0, 0)], reports);
    }
}
