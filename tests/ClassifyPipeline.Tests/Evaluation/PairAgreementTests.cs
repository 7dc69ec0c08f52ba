using ClassifyPipeline.Dedup.Evaluation;
using ClassifyPipeline.Evaluation;

namespace ClassifyPipeline.Tests.Evaluation;

public sealed class PairAgreementTests
{
    private static (string, string)[] Items(string predicted, string gold) => predicted.Zip(gold, (p, g) => (p.ToString(), g.ToString())).ToArray();

    [Fact]
    public void Score_KnownAdjustedRandIndex()
    {
        // scikit-learn: adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714...; a relabelled copy scores 1
        Assert.Equal(4.0 / 7, new PairAgreement(Items("0012", "0011")).Score().AdjustedRand, 12);
        Assert.Equal(1.0, new PairAgreement(Items("1100", "0011")).Score().AdjustedRand, 12);

        var s = new PairAgreement(Items("0012", "0011")).Score();
        Assert.Equal((1L, 1L, 2L, 1.0, 0.5), (s.TruePairs, s.PredictedPairs, s.GoldPairs, s.Precision, s.Recall));
    }

    [Fact]
    public void Score_ItemDrawnTwice_PairsWithTheOthersButNotWithItself()
    {
        // a and b together in both groupings; a weighs 2: pairs (a, b) twice, never (a, a)
        var s = new PairAgreement(Items("00", "00")).Score([2, 1]);
        Assert.Equal((2L, 2L, 2L), (s.TruePairs, s.PredictedPairs, s.GoldPairs));

        var alone = new PairAgreement(Items("01", "01")).Score([3, 0]);
        Assert.Equal(0, alone.PredictedPairs);
        Assert.Equal(1.0, alone.Precision);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Score_UnitWeights_SameAsStoryEvaluator(int seed)
    {
        var random = new Random(seed);
        var items = Enumerable.Range(0, 400).Select(_ => ("p" + random.Next(60), "g" + random.Next(40))).ToList();

        var shared = new PairAgreement(items).Score();
        var stories = StoryEvaluator.Evaluate(items);

        Assert.Equal((stories.TruePairs, stories.PredictedPairs, stories.GoldPairs), (shared.TruePairs, shared.PredictedPairs, shared.GoldPairs));
        Assert.Equal(stories.Precision, shared.Precision, 12);
        Assert.Equal(stories.Recall, shared.Recall, 12);
        Assert.Equal(stories.F1, shared.F1, 12);
        Assert.Equal(stories.AdjustedRand, shared.AdjustedRand, 12);
    }

    [Fact]
    public void Score_WrongNumberOfWeights_ClearError() =>
        Assert.Contains("2 items but 1 weights", Assert.Throws<ArgumentException>(() => new PairAgreement(Items("01", "01")).Score([1])).Message);
}
