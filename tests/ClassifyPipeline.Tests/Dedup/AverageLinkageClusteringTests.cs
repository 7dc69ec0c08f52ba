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
        Assert.Equal(ReferenceAverageLinkage.Cluster(600, edges, 0.15), rebuilt);
        Assert.True(rebuilt.Distinct().Count() is > 0 and < 600);
    }

    [Theory]
    [InlineData(1, 40, 0.2)]
    [InlineData(2, 80, 0.08)]
    [InlineData(3, 200, 0.03)]
    [InlineData(4, 30, 0.9)]
    [InlineData(5, 300, 0.02)]
    public void Cluster_RandomGraphs_SameLabelsAsTheDictionaryVersion(int seed, int count, double density)
    {
        // similarities from a handful of values (ties) and continuous ones, a few pairs listed twice
        var random = new Random(seed);
        for (var round = 0; round < 20; round++)
        {
            var edges = new List<(int, int, double)>();
            for (var i = 0; i < count; i++)
            {
                for (var j = i + 1; j < count; j++)
                {
                    if (random.NextDouble() >= density)
                        continue;
                    var s = random.Next(3) == 0 ? random.NextDouble() : random.Next(1, 9) / 10.0;
                    edges.Add(random.Next(2) == 0 ? (i, j, s) : (j, i, s));
                    if (random.Next(50) == 0)
                        edges.Add((i, j, random.NextDouble()));
                }
            }
            Shuffle(random, edges);
            foreach (var threshold in new[] { 0.15, 0.3, 0.5 })
                Assert.Equal(ReferenceAverageLinkage.Cluster(count, edges, threshold), AverageLinkageClustering.Cluster(count, edges, threshold));
        }
    }

    [Fact]
    public void Cluster_SmallRandomGraphs_SameLabelsAsBruteForce()
    {
        // eighths sum exactly in doubles, so the brute force's sums are the same numbers whatever their order
        var random = new Random(11);
        for (var round = 0; round < 300; round++)
        {
            var count = random.Next(2, 25);
            var density = random.NextDouble();
            var edges = new List<(int, int, double)>();
            for (var i = 0; i < count; i++)
            {
                for (var j = i + 1; j < count; j++)
                {
                    if (random.NextDouble() < density)
                        edges.Add((i, j, random.Next(1, 9) / 8.0));
                }
            }
            var threshold = random.Next(1, 7) / 8.0;
            Assert.Equal(BruteForce(count, edges, threshold), AverageLinkageClustering.Cluster(count, edges, threshold));
        }
    }

    [Fact]
    public void Cluster_SelfLoopsAndRepeatedPairs_LoopsIgnoredRepeatsSummed()
    {
        var plain = new List<(int, int, double)> { (0, 1, 0.4), (1, 2, 0.9), (2, 3, 0.2) };
        var noisy = new List<(int, int, double)> { (1, 1, 5.0), (0, 1, 0.2), (1, 2, 0.9), (1, 0, 0.2), (3, 2, 0.2), (3, 3, 1.0) };
        Assert.Equal(AverageLinkageClustering.Cluster(4, plain, 0.3), AverageLinkageClustering.Cluster(4, noisy, 0.3));
        Assert.Equal([0, 1, 1, 3], AverageLinkageClustering.Cluster(4, plain, 0.3));
    }

    /// <summary>Average linkage from its definition: all cluster pairs compared at every step, O(n³) and more.</summary>
    private static int[] BruteForce(int count, List<(int I, int J, double S)> edges, double threshold)
    {
        var similarity = new double[count, count];
        foreach (var (i, j, s) in edges)
        {
            similarity[i, j] += s;
            similarity[j, i] += s;
        }
        var clusters = Enumerable.Range(0, count).Select(i => new List<int> { i }).ToList();
        while (true)
        {
            var best = (Avg: double.NegativeInfinity, A: -1, B: -1);
            for (var x = 0; x < clusters.Count; x++)
            {
                for (var y = x + 1; y < clusters.Count; y++)
                {
                    double sum = 0;
                    foreach (var i in clusters[x])
                    {
                        foreach (var j in clusters[y])
                            sum += similarity[i, j];
                    }
                    var avg = sum / ((double)clusters[x].Count * clusters[y].Count);
                    var (a, b) = (clusters[x].Min(), clusters[y].Min());
                    if (a > b)
                        (a, b) = (b, a);
                    if (avg > best.Avg || avg == best.Avg && (a < best.A || a == best.A && b < best.B))
                        best = (avg, a, b);
                }
            }
            if (best.A < 0 || best.Avg < threshold)
                break;
            var into = clusters.First(c => c.Contains(best.A));
            var from = clusters.First(c => c.Contains(best.B));
            into.AddRange(from);
            clusters.Remove(from);
        }
        var label = new int[count];
        foreach (var c in clusters)
        {
            foreach (var i in c)
                label[i] = c.Min();
        }
        return label;
    }

    private static void Shuffle<T>(Random random, List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var k = random.Next(i + 1);
            (list[i], list[k]) = (list[k], list[i]);
        }
    }
}
