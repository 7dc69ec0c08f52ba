using ClassifyPipeline.Dedup.Evaluation;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class ThresholdCrossValidationTests
{
    private static StoryScores Scored(double value) => new(10, 1, 1, 0, 0, 0, value, value, value, value);

    [Fact]
    public void Best_LonePeakBesideACliff_FlatRegionWins()
    {
        // 0.95 alone between two cliffs loses to three neighbours of 0.90
        var grid = new[] { 0.50, 0.95, 0.50, 0.90, 0.90, 0.90, 0.60 }.Select(Scored).ToList();

        Assert.Equal(4, ThresholdCrossValidation.Best(grid));
    }

    [Fact]
    public void Touching_WholeSet_SameAsStoryEvaluator()
    {
        var gold = new Dictionary<string, string> { ["a"] = "x", ["b"] = "x", ["c"] = "y", ["d"] = "y", ["e"] = "y", ["f"] = "z" };
        var predicted = new Dictionary<string, string> { ["a"] = "1", ["b"] = "1", ["c"] = "1", ["d"] = "2", ["e"] = "2", ["f"] = "3" };

        var touching = ThresholdCrossValidation.Touching(gold, predicted, _ => true);
        var all = StoryEvaluator.Evaluate(predicted.Select(p => (p.Value, gold[p.Key])).ToList());

        Assert.Equal(all.F1, touching.F1, 12);
        Assert.Equal(all.AdjustedRand, touching.AdjustedRand, 12);
    }

    [Fact]
    public void Touching_WrongMergeAcrossParts_CountsAgainstThePart()
    {
        var gold = new Dictionary<string, string> { ["a"] = "x", ["b"] = "x", ["c"] = "y", ["d"] = "y" };
        // c (gold y) wrongly joins a and b (gold x)
        var predicted = new Dictionary<string, string> { ["a"] = "1", ["b"] = "1", ["c"] = "1", ["d"] = "2" };

        var partY = ThresholdCrossValidation.Touching(gold, predicted, g => g == "y");

        // pairs touching y: ac, bc (predicted, wrong), cd (gold, missed), ad, bd: no pair right
        Assert.Equal(0, partY.TruePairs);
        Assert.Equal(2, partY.PredictedPairs);
        Assert.Equal(1, partY.GoldPairs);
    }

    [Fact]
    public void Run_SameInputs_SameFoldsAndChoices()
    {
        var gold = Enumerable.Range(0, 40).ToDictionary(i => $"a{i}", i => $"g{i / 4}");
        var points = new[] { 0.1, 0.2, 0.3 }
            .Select(t => (t, (IReadOnlyDictionary<string, string>)gold.ToDictionary(p => p.Key, p => t < 0.25 ? p.Value : p.Key)))
            .ToList();

        var first = ThresholdCrossValidation.Run(gold, points, 5, fixedThreshold: 0.3);
        var second = ThresholdCrossValidation.Run(gold, points, 5, fixedThreshold: 0.3);

        Assert.Equal(first.Folds.Select(f => f.Chosen), second.Folds.Select(f => f.Chosen));
        Assert.All(first.Folds, f => Assert.Equal(0.1, f.Chosen)); // perfect at 0.1 and 0.2, ties go to the lower
        Assert.All(first.Folds, f => Assert.Equal(1.0, f.Test.F1));
        Assert.All(first.Folds, f => Assert.Equal(0.0, f.AtFixed!.Recall));
    }
}
