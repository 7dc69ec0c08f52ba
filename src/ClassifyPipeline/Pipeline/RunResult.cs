using ClassifyPipeline.Articles;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Threads;

namespace ClassifyPipeline.Pipeline;

/// <summary>The outcome of one run: articles in canonical order, stories, rejections, and stage timings.</summary>
public sealed record RunResult(
    IReadOnlyList<ArticleResult> Articles,
    IReadOnlyList<Story> Stories,
    IReadOnlyList<Rejection> Rejections,
    IReadOnlyList<StageTiming> Timings,
    int FilesRead)
{
    /// <summary>Each story's thread and the threads holding this run's stories (empty when nothing was read).</summary>
    public ThreadResult Threads { get; init; } = ThreadResult.Empty;
}

public sealed record StageTiming(string Stage, TimeSpan Elapsed);
