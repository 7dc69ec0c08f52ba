namespace ClassifyPipeline.Classification;

/// <summary>A trained stance model as the run uses it: the stance of each body toward a headline or claim.</summary>
public interface IStanceClassifier
{
    IReadOnlyList<StancePrediction> Predict(IReadOnlyList<StancePair> pairs, CancellationToken cancellationToken);
}

public sealed record StancePair(string Headline, string Body);

/// <summary>One of agree, disagree, discuss, unrelated (the FNC-1 scheme), with the model's confidence.</summary>
public sealed record StancePrediction(string Stance, double Confidence);
