namespace ClassifyPipeline.Classification.Stance;

/// <summary>The scores of one decision rule on the out-of-fold probabilities.</summary>
public sealed record StanceGridCell(double RelatedThreshold, double DisagreeBoost, StanceEvaluation Evaluation);
