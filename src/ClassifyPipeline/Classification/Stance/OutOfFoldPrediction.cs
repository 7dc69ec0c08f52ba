namespace ClassifyPipeline.Classification.Stance;

/// <summary>One held-out pair: where it is in the stances file, its fold, gold and predicted stance, and the model's four probabilities.</summary>
public sealed record OutOfFoldPrediction(int Line, int BodyId, int Fold, int Gold, int Predicted, double[] Probabilities);
