namespace ClassifyPipeline.Classification.Stance;

/// <summary>One finished fold: its index (0-based) of <paramref name="Folds"/>, the scores on its held-out pairs, and how long it took.</summary>
public sealed record StanceFoldResult(int Fold, int Folds, StanceEvaluation Evaluation, TimeSpan Elapsed);
