using BenchmarkDotNet.Attributes;
using ClassifyPipeline.Dedup;

namespace ClassifyPipeline.Benchmarks;

/// <summary>
/// The similarity join at the default join threshold (<c>dedup.linkThreshold</c> 0.10) over 1,774 articles (all in
/// one window), one thread: the exhaustive all-pairs reference (baseline); the story stage's WindowJoin skipping only
/// common terms' low postings (the join before 2026-12-05); and skipping whole posting lists as well under the
/// L2AP-style bound, at two skip budgets. All find the same pairs. The articles are BBC's training ones, or the first
/// 1,774 of the JSON Lines file named by <c>CLASSIFY_BENCH_TEXTS</c> (a generated dense corpus, for instance).
/// Run: <c>dotnet run -c Release --project tests/ClassifyPipeline.Benchmarks -- --filter '*JoinBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class JoinBenchmarks
{
    private const double Threshold = 0.10;

    private StoryBenchmarkData _data = null!;

    /// <summary>The share of the threshold a probe may leave to skipped postings (<c>WindowJoin.SkipBudget</c>).</summary>
    [Params(0.5, 0.8)]
    public double Budget { get; set; }

    [GlobalSetup]
    public void Setup() => _data = new StoryBenchmarkData(1774);

    [Benchmark(Baseline = true)]
    public int AllPairsReference() => AllPairsSimilarity.Find(_data.Vectors, Threshold).Count;

    [Benchmark]
    public int WindowJoinLowPostings() => With(wholeLists: false);

    [Benchmark]
    public int WindowJoinWholeLists() => With(wholeLists: true);

    private int With(bool wholeLists)
    {
        var (budget, whole) = (WindowJoin.SkipBudget, WindowJoin.SkipWholeLists);
        (WindowJoin.SkipBudget, WindowJoin.SkipWholeLists) = (Budget, wholeLists);
        try
        {
            return _data.Join(Threshold).Count;
        }
        finally
        {
            (WindowJoin.SkipBudget, WindowJoin.SkipWholeLists) = (budget, whole);
        }
    }
}
