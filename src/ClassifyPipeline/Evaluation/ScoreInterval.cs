namespace ClassifyPipeline.Evaluation;

/// <summary>A score computed on all the data (<see cref="Value"/>) and its bootstrap confidence interval.</summary>
public sealed record ScoreInterval(string Name, double Value, double Lower, double Upper);
