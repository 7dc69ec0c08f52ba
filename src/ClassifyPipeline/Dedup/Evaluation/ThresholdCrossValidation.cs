using ClassifyPipeline.Evaluation;

namespace ClassifyPipeline.Dedup.Evaluation;

/// <summary>
/// Cross-validates the choice of a story threshold: the gold stories are dealt into folds (seeded shuffle of their
/// ids, sorted first, so the folds depend only on the gold); for each fold the threshold is chosen on the articles of
/// the other folds and scored on the fold. The grouping is always of all the articles (no story is cut by the folds);
/// a fold's scores count every pair of articles with at least one end in the fold, so a fold's article wrongly put
/// with another fold's counts against it (restricting to pairs inside the fold would hide those merges). The choice maximizes the mean of pairwise F1 and ARI,
/// averaged over the threshold and its neighbours in the grid (a flat region wins over a lone peak at a cliff).
/// </summary>
public static class ThresholdCrossValidation
{
    /// <param name="gold">Gold story by article id.</param>
    /// <param name="points">The grid, in increasing threshold: each threshold's predicted story by article id.</param>
    /// <param name="fixedThreshold">A threshold of the grid also scored fold by fold as it is (the configured one), or null.</param>
    public static CrossValidationResult Run(IReadOnlyDictionary<string, string> gold, IReadOnlyList<(double Threshold, IReadOnlyDictionary<string, string> Predicted)> points, int folds, int seed = 42, double? fixedThreshold = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        if (points.Count == 0)
            throw new ArgumentException("no threshold to choose from", nameof(points));
        var stories = gold.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (stories.Length < folds)
            throw new ArgumentException($"{stories.Length} gold stories cannot make {folds} folds", nameof(folds));
        var random = new Random(seed);
        random.Shuffle(stories);
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < stories.Length; k++)
            foldOf[stories[k]] = k % folds;

        var result = new List<FoldResult>(folds);
        for (var f = 0; f < folds; f++)
        {
            var fold = f;
            var train = points.Select(p => Touching(gold, p.Predicted, g => foldOf[g] != fold)).ToArray();
            var chosen = Best(train);
            var test = Touching(gold, points[chosen].Predicted, g => foldOf[g] == fold);
            StoryScores? atFixed = null;
            if (fixedThreshold is { } t && Index(points, t) is var at and >= 0)
                atFixed = Touching(gold, points[at].Predicted, g => foldOf[g] == fold);
            result.Add(new FoldResult(fold, points[chosen].Threshold, test, atFixed));
        }
        return new CrossValidationResult(result);
    }

    /// <summary>The index of the grid point whose smoothed (F1 + ARI) / 2 is highest; ties go to the lower threshold.</summary>
    public static int Best(IReadOnlyList<StoryScores> grid)
    {
        var best = 0;
        var bestValue = double.NegativeInfinity;
        for (var i = 0; i < grid.Count; i++)
        {
            var (sum, n) = (0.0, 0);
            for (var k = Math.Max(0, i - 1); k <= Math.Min(grid.Count - 1, i + 1); k++)
            {
                sum += (grid[k].F1 + grid[k].AdjustedRand) / 2;
                n++;
            }
            if (sum / n > bestValue + 1e-12)
            {
                bestValue = sum / n;
                best = i;
            }
        }
        return best;
    }

    private static int Index(IReadOnlyList<(double Threshold, IReadOnlyDictionary<string, string> Predicted)> points, double threshold)
    {
        for (var i = 0; i < points.Count; i++)
        {
            if (Math.Abs(points[i].Threshold - threshold) < 1e-9)
                return i;
        }
        return -1;
    }

    /// <summary>Scores over the pairs with at least one article whose gold story is in the part: all pairs less those wholly outside it.</summary>
    public static StoryScores Touching(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted, Func<string, bool> inPart)
    {
        var all = StoryEvaluator.Evaluate(gold, predicted);
        var outside = StoryEvaluator.Evaluate(gold, predicted, g => !inPart(g));
        static long Pairs(long n) => n * (n - 1) / 2;
        var truePairs = all.TruePairs - outside.TruePairs;
        var predictedPairs = all.PredictedPairs - outside.PredictedPairs;
        var goldPairs = all.GoldPairs - outside.GoldPairs;
        var total = (double)(Pairs(all.Articles) - Pairs(outside.Articles));
        return StoryScores.From(all.Articles - outside.Articles, 0, 0, truePairs, predictedPairs, goldPairs, total);
    }
}

/// <summary>One fold: the threshold chosen on the other folds, its scores on this fold, and the fixed threshold's.</summary>
public sealed record FoldResult(int Fold, double Chosen, StoryScores Test, StoryScores? AtFixed);

/// <summary>The folds of a <see cref="ThresholdCrossValidation"/>, with means and sample standard deviations.</summary>
public sealed record CrossValidationResult(IReadOnlyList<FoldResult> Folds)
{
    public (double Mean, double Sd) Summary(Func<FoldResult, double> value)
    {
        var summary = ScoreSummary.Of("", Folds.Select(value).ToArray());
        return (summary.Mean, summary.StandardDeviation);
    }
}
