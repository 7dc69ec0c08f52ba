using ClassifyPipeline.Text;

namespace ClassifyPipeline.Classification;

/// <summary>A trained topic model as the run uses it: one prediction per article, in the order given.</summary>
public interface ITopicClassifier
{
    IReadOnlyList<TopicPrediction> Predict(IReadOnlyList<CleanArticle> articles, CancellationToken cancellationToken);
}

/// <summary>The top label (null when below the confidence threshold: uncertain), every label assigned, and the top score.</summary>
public sealed record TopicPrediction(string? Label, IReadOnlyList<LabelScore> Labels, double Score);

public sealed record LabelScore(string Label, double Score);
