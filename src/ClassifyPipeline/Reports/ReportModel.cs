using ClassifyPipeline.IO;
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
    /// <summary>The threads holding the run's stories, as threads.jsonl keeps them (empty for a run folder without one).</summary>
    public IReadOnlyList<ReportThread> Threads { get; init; } = [];

    /// <summary>
    /// The model of a run just finished, with numbers and times at the precision the JSON Lines keep, so
    /// re-rendering the run folder later gives the same bytes.
    /// </summary>
    public static ReportModel FromRun(RunResult run) =>
        new(run.Articles.Select(ReportArticle.From).ToList(),
            run.Stories.Select(s => s with { Edges = Rounded(s.Edges) }).ToList(),
            run.Rejections)
        {
            Threads = run.Threads.Threads.Select(ReportThread.From).ToList(),
        };

    /// <summary>
    /// A story's edges with each cosine rounded as the JSON Lines keep it, made as they are read: the reports read a few
    /// stories' edges, and a copy of every edge of a million-article run would hold as much memory again as its stories.
    /// </summary>
    private static ListView<SimilarityEdge> Rounded(IReadOnlyList<SimilarityEdge> edges) =>
        new(edges.Count, k =>
        {
            var e = edges[k];
            return e with { Cosine = JsonOutput.Round(e.Cosine) };
        });
}

/// <summary>One article as the reports show it: a line of articles.jsonl, the fields a person reads.</summary>
public sealed record ReportArticle(
    string Id,
    string Title,
    string? Source,
    string? Url,
    PublishedTime? Published,
    string? Topic,
    string? Stance,
    double? StanceConfidence,
    string StoryId,
    string? DuplicateOf,
    double? DuplicateSimilarity,
    double? StorySimilarity,
    string? ThreadId = null)
{
    public static ReportArticle From(ArticleResult a) => new(
        a.Id, a.Article.Title, a.Article.Source, a.Article.Url, Seconds(a.Article.Published),
        a.Topic?.Label, a.Stance?.Stance, Round(a.Stance?.Confidence),
        a.Dedup.StoryId, a.Dedup.DuplicateOf, Round(a.Dedup.DuplicateSimilarity), Round(a.Dedup.StorySimilarity), a.ThreadId);

    private static double? Round(double? value) => value is { } v ? JsonOutput.Round(v) : null;

    /// <summary>The time as articles.jsonl keeps it (whole seconds), so a re-render of the run folder reads the same.</summary>
    private static PublishedTime? Seconds(PublishedTime? value) =>
        value is { } v && PublishedTime.TryParse(v.ToString(), out var kept) ? kept : null;
}
