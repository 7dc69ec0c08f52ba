using ClassifyPipeline.Text;

namespace ClassifyPipeline.Classification.Topic;

/// <summary>A <see cref="TopicModel"/> as the run uses it: labels below <paramref name="minConfidence"/> are reported as uncertain (null).</summary>
public sealed class TopicClassifier(TopicModel model, double minConfidence) : ITopicClassifier
{
    public TopicModel Model { get; } = model;

    public double MinConfidence { get; } = minConfidence;

    public IReadOnlyList<TopicPrediction> Predict(IReadOnlyList<CleanArticle> articles, CancellationToken cancellationToken) =>
        Model.Predict(articles, MinConfidence, cancellationToken);
}
