using BenchmarkDotNet.Attributes;
using ClassifyPipeline.Dedup;

namespace ClassifyPipeline.Benchmarks;

/// <summary>
/// The similarity join at the default story threshold over the BBC training articles (all in one window), one
/// thread: the exhaustive all-pairs reference (baseline), the story stage's WindowJoin without and with skipping
/// common terms' low postings. All three find the same pairs.
/// Run: <c>dotnet run -c Release --project tests/ClassifyPipeline.Benchmarks -- --filter '*JoinBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class JoinBenchmarks
{
    private StoryBenchmarkData _data = null!;

    [GlobalSetup]
    public void Setup() => _data = new StoryBenchmarkData(1774);

    [Benchmark(Baseline = true)]
    public int AllPairsReference() => AllPairsSimilarity.Find(_data.Vectors, 0.15).Count;

    [Benchmark]
    public int WindowJoinNoSkipping()
    {
        var budget = Dedup.WindowJoin.SkipBudget;
        Dedup.WindowJoin.SkipBudget = 0;
        try
        {
            return _data.Join(0.15).Count;
        }
        finally
        {
            Dedup.WindowJoin.SkipBudget = budget;
        }
    }

    [Benchmark]
    public int WindowJoinSkipping() => _data.Join(0.15).Count;
}
