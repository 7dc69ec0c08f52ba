using BenchmarkDotNet.Attributes;
using ClassifyPipeline.Dedup;

namespace ClassifyPipeline.Benchmarks;

/// <summary>
/// Average-linkage clustering of the BBC training articles' similarity graph (edges at cosine ≥ 0.05, so that it has
/// large components): the whole graph at once (baseline) against one component at a time, on one thread; the same labels.
/// Run: <c>dotnet run -c Release --project tests/ClassifyPipeline.Benchmarks -- --filter '*ClusterBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ClusterBenchmarks
{
    private List<(int I, int J, double Similarity)> _edges = [];
    private int _count;

    [GlobalSetup]
    public void Setup()
    {
        var data = new StoryBenchmarkData(1774);
        _count = data.Vectors.Count;
        _edges = data.Join(0.05).Select(p => (p.I, p.J, p.Cosine)).ToList();
    }

    [Benchmark(Baseline = true)]
    public int WholeGraph() => AverageLinkageClustering.Cluster(_count, _edges, 0.15).Distinct().Count();

    [Benchmark]
    public int ComponentByComponent() => ComponentClustering.Cluster(_count, _edges, 0.15, maxDegreeOfParallelism: 1).Distinct().Count();
}
