using ClassifyPipeline.Classification;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Text;

namespace ClassifyPipeline.Pipeline;

/// <summary>Everything the run found about one article: one line of articles.jsonl.</summary>
public sealed record ArticleResult(
    ArticleHeader Article,
    DedupAssignment Dedup,
    TopicPrediction? Topic,
    StanceResult? Stance,
    IReadOnlyList<ClaimStance> Claims)
{
    public string Id => Article.Id;

    /// <summary>The thread its story belongs to.</summary>
    public string? ThreadId { get; init; }
}

/// <summary>The article's stance toward its story's lead headline.</summary>
public sealed record StanceResult(string Stance, double Confidence, string TargetId);

/// <summary>The article's stance toward one of the claims listed in pipeline.json.</summary>
public sealed record ClaimStance(string Claim, string Stance, double Confidence);
