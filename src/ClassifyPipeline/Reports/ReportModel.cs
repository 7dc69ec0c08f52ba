using ClassifyPipeline.Articles;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Pipeline;

namespace ClassifyPipeline.Reports;

/// <summary>
/// What the human reports show, built either from a run just finished (<see cref="FromRun"/>) or from a
/// finished run folder's JSON Lines (<see cref="RunFolderReader"/>), so <c>classify run</c> and
/// <c>classify report</c> render the same pages from the same data.
/// </summary>
public sealed record ReportModel(IReadOnlyList<ReportArticle> Articles, IReadOnlyList<Story> Stories, IReadOnlyList<Rejection> Rejections)
{
    public static ReportModel FromRun(RunResult run) =>
        new(run.Articles.Select(ReportArticle.From).ToList(), run.Stories, run.Rejections);
}

/// <summary>One article as the reports show it: a line of articles.jsonl, the fields a person reads.</summary>
public sealed record ReportArticle(
    string Id,
    string Title,
    string? Source,
    string? Url,
    DateTimeOffset? Published,
    string? Topic,
    string? Stance,
    double? StanceConfidence,
    string StoryId,
    string? DuplicateOf,
    double? DuplicateSimilarity,
    double? StorySimilarity)
{
    public static ReportArticle From(ArticleResult a) => new(
        a.Id, a.Clean.Title, a.Clean.Article.Source, a.Clean.Article.Url, a.Clean.Article.Published,
        a.Topic?.Label, a.Stance?.Stance, a.Stance?.Confidence,
        a.Dedup.StoryId, a.Dedup.DuplicateOf, a.Dedup.DuplicateSimilarity, a.Dedup.StorySimilarity);
}
