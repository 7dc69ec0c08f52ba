using ClassifyPipeline.Dedup.Evaluation;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class StoryEvaluatorTests
{
    [Fact]
    public void Evaluate_HandComputedExample_MatchesPairCountsAndAri()
    {
        // predicted A A A B B C, gold x x y y y z: true pairs {0,1},{3,4}; predicted 3+1; gold 1+3
        var items = new[] { ("A", "x"), ("A", "x"), ("A", "y"), ("B", "y"), ("B", "y"), ("C", "z") };
        var s = StoryEvaluator.Evaluate(items);

        Assert.Equal((2L, 4L, 4L), (s.TruePairs, s.PredictedPairs, s.GoldPairs));
        Assert.Equal(0.5, s.Precision, 10);
        Assert.Equal(0.5, s.Recall, 10);
        Assert.Equal(0.5, s.F1, 10);
        // ARI = (2 - 4·4/15) / ((4 + 4)/2 - 4·4/15) = 7/22
        Assert.Equal(7.0 / 22.0, s.AdjustedRand, 10);
        Assert.Equal((6, 3, 3), (s.Articles, s.PredictedStories, s.GoldStories));
    }

    [Fact]
    public void Evaluate_SameGroupingUnderOtherNames_AllOne()
    {
        var s = StoryEvaluator.Evaluate([("p", "1"), ("p", "1"), ("q", "2"), ("q", "2"), ("q", "2"), ("r", "3")]);
        Assert.Equal((1.0, 1.0, 1.0, 1.0), (s.Precision, s.Recall, s.F1, s.AdjustedRand));
    }

    [Fact]
    public void Evaluate_AllSingletonsAgainstPairs_RecallZeroAriZero()
    {
        var s = StoryEvaluator.Evaluate([("a", "1"), ("b", "1"), ("c", "2"), ("d", "2")]);
        Assert.Equal(1.0, s.Precision);
        Assert.Equal(0.0, s.Recall);
        Assert.Equal(0.0, s.F1);
        Assert.Equal(0.0, s.AdjustedRand, 10);
    }

    [Fact]
    public void Evaluate_EverythingInOneStory_PrecisionIsGoldShare()
    {
        // 4 articles, gold {1,1,2,2}: 6 predicted pairs, 2 true → precision 1/3, recall 1; ARI = (2-2)/(4-2) = 0
        var s = StoryEvaluator.Evaluate([("all", "1"), ("all", "1"), ("all", "2"), ("all", "2")]);
        Assert.Equal(1.0 / 3.0, s.Precision, 10);
        Assert.Equal(1.0, s.Recall, 10);
        Assert.Equal(0.0, s.AdjustedRand, 10);
    }
}
