using ClassifyPipeline.Evaluation;

namespace ClassifyPipeline.Classification.Stance;

/// <summary>What a <see cref="StanceCrossValidation"/> run found: each fold's scores and every held-out pair's prediction.</summary>
public sealed class StanceCrossValidationResult(IReadOnlyList<StanceFoldResult> folds, IReadOnlyList<OutOfFoldPrediction> outOfFold)
{
    public IReadOnlyList<StanceFoldResult> Folds { get; } = folds;

    /// <summary>Every held-out pair once, in fold order.</summary>
    public IReadOnlyList<OutOfFoldPrediction> OutOfFold { get; } = outOfFold;

    /// <summary>The scores over all out-of-fold predictions together.</summary>
    public StanceEvaluation Pooled => StanceEvaluation.Compute(Gold, Predicted);

    public IReadOnlyList<int> Gold => OutOfFold.Select(p => p.Gold).ToList();

    public IReadOnlyList<int> Predicted => OutOfFold.Select(p => p.Predicted).ToList();

    /// <summary>Mean and standard deviation over the folds of the FNC-1 score, macro-F1, accuracy and disagree F1.</summary>
    public IReadOnlyList<ScoreSummary> FoldSummaries() =>
    [
        ScoreSummary.Of("FNC-1 score", Folds.Select(f => f.Evaluation.FncRelative).ToList()),
        ScoreSummary.Of("macro-F1", Folds.Select(f => f.Evaluation.MacroF1).ToList()),
        ScoreSummary.Of("accuracy", Folds.Select(f => f.Evaluation.Accuracy).ToList()),
        ScoreSummary.Of("disagree F1", Folds.Select(f => f.Evaluation.F1(StanceLabels.Disagree)).ToList()),
    ];

    /// <summary>The pooled scores' bootstrap intervals over the out-of-fold pairs.</summary>
    public IReadOnlyList<ScoreInterval> Intervals(Bootstrap bootstrap) => StanceEvaluation.Intervals(Gold, Predicted, bootstrap);
}
