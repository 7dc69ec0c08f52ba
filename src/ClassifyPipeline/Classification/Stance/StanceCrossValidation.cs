using System.Diagnostics;
using ClassifyPipeline.Evaluation;

namespace ClassifyPipeline.Classification.Stance;

/// <summary>
/// K-fold cross-validation of the stance model within a training set, folds grouped by story
/// (<see cref="StoryFolds"/>: no story on both sides of a fold, so each fold's stories are new to its model).
/// Each fold trains a model with the given options and predicts its held-out pairs; the out-of-fold
/// probabilities are then scored pooled, per fold (mean and standard deviation over the folds), and over a
/// grid of <see cref="StanceOptions.RelatedThreshold"/> × <see cref="StanceOptions.DisagreeBoost"/>
/// (the decision rule only, on the same probabilities: no retraining).
/// </summary>
public sealed class StanceCrossValidation(StanceOptions options)
{
    /// <summary>The grid's related thresholds.</summary>
    public static IReadOnlyList<double> GridThresholds { get; } = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55];

    /// <summary>The grid's disagree boosts.</summary>
    public static IReadOnlyList<double> GridBoosts { get; } = [0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 6.0];

    /// <param name="train">Pairs with gold stances.</param>
    /// <param name="storyOf">Body ID → story; bodies without a story are a story of their own.</param>
    /// <param name="folds">How many folds (2 or more).</param>
    /// <param name="foldDone">Told of each fold as it finishes (the folds take minutes on the full set).</param>
    public StanceCrossValidationResult Run(Fnc1Dataset train, IReadOnlyDictionary<int, int> storyOf, int folds,
        IProgress<StanceFoldResult>? foldDone = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        if (!train.HasStances)
            throw new ArgumentException("cross-validation needs gold stances");
        var bodyIds = train.Pairs.Select(p => p.BodyId).ToList();
        var foldOf = StoryFolds.Assign(bodyIds, storyOf, folds);
        var results = new List<StanceFoldResult>();
        var outOfFold = new List<OutOfFoldPrediction>();
        for (var fold = 0; fold < folds; fold++)
        {
            var inFold = bodyIds.Where(b => foldOf[b] == fold).ToHashSet();
            var held = train.Where(inFold);
            var watch = Stopwatch.StartNew();
            var model = new StanceEstimator(options).Fit(train.Where(inFold, keep: false), cancellationToken);
            var probabilities = model.PredictProbabilities(held.ToStancePairs(), cancellationToken);
            var gold = held.Pairs.Select(p => p.Stance!.Value).ToList();
            var predicted = probabilities.Select(p => StanceModel.Decide(p, model.RelatedThreshold, model.DisagreeBoost)).ToList();
            for (var i = 0; i < held.Pairs.Count; i++)
                outOfFold.Add(new OutOfFoldPrediction(held.Pairs[i].Line, held.Pairs[i].BodyId, fold, gold[i], predicted[i], probabilities[i]));
            var result = new StanceFoldResult(fold, folds, StanceEvaluation.Compute(gold, predicted), watch.Elapsed);
            results.Add(result);
            foldDone?.Report(result);
        }
        return new StanceCrossValidationResult(results, outOfFold);
    }

    /// <summary>The out-of-fold predictions scored with another decision rule (same probabilities).</summary>
    public static StanceEvaluation Decide(IReadOnlyList<OutOfFoldPrediction> outOfFold, double relatedThreshold, double disagreeBoost) =>
        StanceEvaluation.Compute(outOfFold.Select(p => p.Gold).ToList(),
            outOfFold.Select(p => StanceModel.Decide(p.Probabilities, relatedThreshold, disagreeBoost)).ToList());

    /// <summary>Every cell of <see cref="GridThresholds"/> × <see cref="GridBoosts"/>, thresholds outer.</summary>
    public static IReadOnlyList<StanceGridCell> Grid(IReadOnlyList<OutOfFoldPrediction> outOfFold) =>
        GridThresholds.SelectMany(t => GridBoosts.Select(b => new StanceGridCell(t, b, Decide(outOfFold, t, b)))).ToList();
}
