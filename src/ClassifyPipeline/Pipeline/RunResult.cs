using ClassifyPipeline.Articles;
using ClassifyPipeline.Dedup;

namespace ClassifyPipeline.Pipeline;

/// <summary>The outcome of one run: articles in canonical order, stories, rejections, and stage timings.</summary>
public sealed record RunResult(
    IReadOnlyList<ArticleResult> Articles,
    IReadOnlyList<Story> Stories,
    IReadOnlyList<Rejection> Rejections,
    IReadOnlyList<StageTiming> Timings,
    int FilesRead);

public sealed record StageTiming(string Stage, TimeSpan Elapsed);
