using BenchmarkDotNet.Attributes;
using ClassifyPipeline.Dedup;

namespace ClassifyPipeline.Benchmarks;

/// <summary>
/// Average-linkage clustering of the BBC training articles' similarity graph (edges at cosine ≥ 0.05, so that it has
/// large components), on one thread: the dictionary-per-node version (<see cref="ReferenceAverageLinkage"/>, baseline)
/// against the compact arrays of <see cref="AverageLinkageClustering"/>, on the whole graph and one component at a
/// time; the same labels.
/// Run: <c>dotnet run -c Release --project tests/ClassifyPipeline.Benchmarks -- --filter '*ClusterBenchmarks*' --job short</c>.
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
        if (!ReferenceAverageLinkage.Cluster(_count, _edges, 0.15).SequenceEqual(AverageLinkageClustering.Cluster(_count, _edges, 0.15)))
            throw new InvalidOperationException("the compact clustering's labels differ from the reference's");
    }

    [Benchmark(Baseline = true)]
    public int DictionaryWholeGraph() => ReferenceAverageLinkage.Cluster(_count, _edges, 0.15).Distinct().Count();

    [Benchmark]
    public int CompactWholeGraph() => AverageLinkageClustering.Cluster(_count, _edges, 0.15).Distinct().Count();

    [Benchmark]
    public int CompactComponentByComponent() => ComponentClustering.Cluster(_count, _edges, 0.15, maxDegreeOfParallelism: 1).Distinct().Count();
}
