using ClassifyPipeline.Dedup;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class LocalScalingTests
{
    private static readonly DedupOptions Options = new() { LocalScalingNeighbors = 3, LocalScalingExponent = 0.5, LocalScalingReference = 0.37 };

    [Fact]
    public void Build_NeighborsZero_Off()
    {
        Assert.Null(LocalScaling.Build(2, [(0, 1, 0.5)], new DedupOptions { LocalScalingNeighbors = 0 }, 0.1));
    }

    [Fact]
    public void Build_NodeWithMoreThanKNeighbours_ScaleIsItsKthHighestCosine()
    {
        // node 0: neighbours at 0.2, 0.9, 0.3, 0.5 (any order): the third highest is 0.3
        var scaling = LocalScaling.Build(5, [(0, 1, 0.2), (0, 2, 0.9), (0, 3, 0.3), (0, 4, 0.5)], Options, 0.1)!;

        Assert.Equal(Math.Pow(0.37 / 0.3, 0.25), scaling.Factors[0], 12);
    }

    [Fact]
    public void Build_NodeWithFewerThanKNeighbours_FactorOne()
    {
        var scaling = LocalScaling.Build(3, [(0, 1, 0.8), (0, 2, 0.6)], Options, 0.1)!;

        Assert.Equal(1.0, scaling.Factors[1], 12);
        Assert.Equal(1.0, scaling.Factors[0], 12); // two neighbours of three
    }

    [Fact]
    public void Build_KthCosineBelowTheFloor_ScaleIsTheFloor()
    {
        var scaling = LocalScaling.Build(4, [(0, 1, 0.8), (0, 2, 0.6), (0, 3, 0.05)], Options, 0.1)!;

        Assert.Equal(Math.Pow(0.37 / 0.1, 0.25), scaling.Factors[0], 12);
    }

    [Fact]
    public void Build_EdgesInAnyOrder_SameFactors()
    {
        var random = new Random(5);
        var edges = new List<(int I, int J, double Cosine)>();
        for (var i = 0; i < 30; i++)
        {
            for (var j = i + 1; j < 30; j++)
            {
                if (random.NextDouble() < 0.3)
                    edges.Add((i, j, Math.Round(0.1 + random.NextDouble() * 0.8, 3)));
            }
        }
        var shuffled = edges.ToArray();
        random.Shuffle(shuffled);

        Assert.Equal(LocalScaling.Build(30, edges, Options, 0.1)!.Factors, LocalScaling.Build(30, shuffled, Options, 0.1)!.Factors);
    }

    [Fact]
    public void Apply_PairWeight_CosineTimesBothFactors()
    {
        List<(int I, int J, double Cosine)> edges = [(0, 1, 0.4), (1, 2, 0.2), (2, 3, 0.3), (0, 3, 0.25)];
        var scaling = LocalScaling.Build(4, edges, Options, 0.1)!;

        var weighted = scaling.Apply(edges);

        Assert.Equal(4, weighted.Count);
        for (var e = 0; e < edges.Count; e++)
        {
            var (i, j, cosine) = edges[e];
            Assert.Equal((i, j), (weighted[e].I, weighted[e].J));
            Assert.Equal(cosine * scaling.Factors[i] * scaling.Factors[j], weighted[e].Similarity, 12);
        }
    }

    [Fact]
    public void Cluster_LooseStoryBesideATightOne_LooseJoinsTightStaysApart()
    {
        // a loose story {0,1,2,3}: its articles' neighbours are each other at 0.16, under the threshold 0.1875;
        // a tight story {4..7} at 0.6; one weak 0.15 link between the two. Plain cosines leave 0..3 alone; local
        // scaling raises the loose pairs (their scale is 0.16) and lowers the tight ones, and still keeps the two apart
        var edges = new List<(int I, int J, double Cosine)> { (3, 4, 0.15) };
        for (var i = 0; i < 4; i++)
        {
            for (var j = i + 1; j < 4; j++)
                edges.Add((i, j, 0.16));
        }
        for (var i = 4; i < 8; i++)
        {
            for (var j = i + 1; j < 8; j++)
                edges.Add((i, j, 0.6));
        }

        var plain = ComponentClustering.Cluster(8, edges, 0.1875);
        var scaling = LocalScaling.Build(8, edges, Options, 0.1)!;
        var scaled = ComponentClustering.Cluster(8, scaling.Apply(edges), 0.1875);

        Assert.Equal([0, 1, 2, 3, 4, 4, 4, 4], plain);
        Assert.Equal([0, 0, 0, 0, 4, 4, 4, 4], scaled);
    }
}
