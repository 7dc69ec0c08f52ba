using BenchmarkDotNet.Attributes;
using ClassifyPipeline.Dedup;

namespace ClassifyPipeline.Benchmarks;

/// <summary>
/// The similarity join at the default join threshold (<c>dedup.linkThreshold</c> 0.10), all articles in one window,
/// one thread. Baseline: the join as it was before 2026-12-06 (every candidate within the skip bound gets its exact
/// cosine; every common list skippable). Against it: the default join (a candidate's sum plus its own share of the
/// skipped postings must reach the threshold first; only the 32 longest lists skippable), and the filter with every
/// common list skippable. All find the same pairs with the same cosines. The articles are the first ones of the
/// JSON Lines file named by <c>CLASSIFY_BENCH_TEXTS</c> (the dense generated corpus, for instance), else BBC's.
/// Run: <c>CLASSIFY_BENCH_TEXTS=d30k.jsonl dotnet run -c Release --project tests/ClassifyPipeline.Benchmarks --
/// --filter '*JoinBenchmarks*' --iterationCount 20 --warmupCount 3</c>. <c>join-profile</c> (same project) times
/// the parts of the join on a whole corpus.
/// </summary>
[MemoryDiagnoser]
public class JoinBenchmarks
{
    private const double Threshold = 0.10;

    private StoryBenchmarkData _data = null!;

    [Params(10000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup() => _data = new StoryBenchmarkData(Articles);

    [Benchmark(Baseline = true)]
    public int EveryCandidateVerified() => With(filter: false, skippable: int.MaxValue);

    [Benchmark]
    public int CandidatesFiltered() => With(filter: true, skippable: 32);

    [Benchmark]
    public int CandidatesFilteredEveryListSkippable() => With(filter: true, skippable: int.MaxValue);

    private int With(bool filter, int skippable)
    {
        var saved = (WindowJoin.FilterCandidates, WindowJoin.SkippableTerms);
        (WindowJoin.FilterCandidates, WindowJoin.SkippableTerms) = (filter, skippable);
        try
        {
            return _data.Join(Threshold).Count;
        }
        finally
        {
            (WindowJoin.FilterCandidates, WindowJoin.SkippableTerms) = saved;
        }
    }
}
