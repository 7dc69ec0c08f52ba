using ClassifyPipeline.Evaluation;

namespace ClassifyPipeline.Dedup.Evaluation;

/// <summary>How a story grouping compares with gold stories, over the articles both name.</summary>
/// <param name="Precision">Of the article pairs put in one story, the fraction that share a gold story (1 when none are).</param>
/// <param name="Recall">Of the pairs sharing a gold story, the fraction put in one story (1 when there are none).</param>
/// <param name="AdjustedRand">Hubert and Arabie's adjusted Rand index: 1 for identical groupings, about 0 for chance.</param>
public sealed record StoryScores(
    int Articles, int PredictedStories, int GoldStories,
    long TruePairs, long PredictedPairs, long GoldPairs,
    double Precision, double Recall, double F1, double AdjustedRand)
{
    /// <summary>The scores of these pair counts (<see cref="PairScores.From"/>), over <paramref name="allPairs"/> article pairs.</summary>
    public static StoryScores From(int articles, int predictedStories, int goldStories, long truePairs, long predictedPairs, long goldPairs, double allPairs)
    {
        var s = PairScores.From(truePairs, predictedPairs, goldPairs, allPairs);
        return new StoryScores(articles, predictedStories, goldStories, truePairs, predictedPairs, goldPairs, s.Precision, s.Recall, s.F1, s.AdjustedRand);
    }
}
