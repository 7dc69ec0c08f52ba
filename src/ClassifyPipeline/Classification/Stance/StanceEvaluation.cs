using ClassifyPipeline.Evaluation;

namespace ClassifyPipeline.Classification.Stance;

/// <summary>
/// Scores of predicted stances against gold ones: the FNC-1 relative score (0.25 for getting related vs
/// unrelated right, and a related pair with the exact label scores 1.0 in all; divided by the best
/// possible), and from the shared <see cref="ConfusionMatrix"/> (rows gold, columns predicted, in
/// <see cref="StanceLabels"/> order): accuracy, per-class precision/recall/F1 and macro-F1 over the four classes.
/// </summary>
public sealed class StanceEvaluation
{
    /// <summary>The names of <see cref="Scores"/>, in order: the headline scores, then precision, recall and F1 per class.</summary>
    public static IReadOnlyList<string> ScoreNames { get; } =
        new[] { "FNC-1 score", "macro-F1", "accuracy" }
            .Concat(StanceLabels.Names.SelectMany(n => new[] { $"{n} precision", $"{n} recall", $"{n} F1" }))
            .ToArray();

    private StanceEvaluation(ConfusionMatrix confusion)
    {
        Confusion = confusion;
        for (var g = 0; g < StanceLabels.Count; g++)
        {
            var goldRelated = g != StanceLabels.Unrelated;
            for (var p = 0; p < StanceLabels.Count; p++)
            {
                var n = confusion[g, p];
                FncMaxScore += n * (goldRelated ? 1.0 : 0.25);
                if (goldRelated == (p != StanceLabels.Unrelated))
                    FncScore += 0.25 * n;
                if (goldRelated && g == p)
                    FncScore += 0.75 * n;
            }
        }
    }

    public ConfusionMatrix Confusion { get; }

    /// <summary>Pairs scored (each counted with its weight).</summary>
    public long Pairs => Confusion.Total;

    public double FncScore { get; }

    public double FncMaxScore { get; }

    public double FncRelative => FncMaxScore == 0 ? 0 : FncScore / FncMaxScore;

    public double Accuracy => Confusion.Accuracy;

    public IReadOnlyList<ClassScore> Classes => Confusion.Classes;

    public double MacroF1 => Confusion.MacroF1;

    public double F1(int stance) => Confusion.Counts(stance).F1;

    /// <summary>The values named by <see cref="ScoreNames"/>.</summary>
    public double[] Scores()
    {
        var result = new List<double> { FncRelative, MacroF1, Accuracy };
        for (var c = 0; c < StanceLabels.Count; c++)
        {
            var counts = Confusion.Counts(c);
            result.Add(counts.Precision);
            result.Add(counts.Recall);
            result.Add(counts.F1);
        }
        return result.ToArray();
    }

    /// <param name="weights">When given, how often each pair counts (a bootstrap resample); else once each.</param>
    public static StanceEvaluation Compute(IReadOnlyList<int> gold, IReadOnlyList<int> predicted, IReadOnlyList<int>? weights = null) =>
        new(ConfusionMatrix.Create(StanceLabels.Names, gold, predicted, weights));

    /// <summary>Every score of <see cref="ScoreNames"/> with its bootstrap interval over the pairs.</summary>
    public static IReadOnlyList<ScoreInterval> Intervals(IReadOnlyList<int> gold, IReadOnlyList<int> predicted, Bootstrap bootstrap) =>
        bootstrap.Intervals(gold.Count, ScoreNames, weights => Compute(gold, predicted, weights).Scores());
}
