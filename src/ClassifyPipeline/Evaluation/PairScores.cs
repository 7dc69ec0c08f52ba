namespace ClassifyPipeline.Evaluation;

/// <summary>Pair counts of a grouping against gold groups and the scores they give.</summary>
/// <param name="Precision">Of the pairs put together, the fraction that share a gold group (1 when none are).</param>
/// <param name="Recall">Of the pairs sharing a gold group, the fraction put together (1 when there are none).</param>
/// <param name="AdjustedRand">1 for identical groupings, about 0 for chance; 1 when both are the same trivial grouping.</param>
public sealed record PairScores(long TruePairs, long PredictedPairs, long GoldPairs, double Precision, double Recall, double F1, double AdjustedRand)
{
    public static PairScores From(long truePairs, long predictedPairs, long goldPairs, double allPairs)
    {
        var precision = predictedPairs == 0 ? 1.0 : (double)truePairs / predictedPairs;
        var recall = goldPairs == 0 ? 1.0 : (double)truePairs / goldPairs;
        var f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        var expected = allPairs == 0 ? 0 : (double)predictedPairs * goldPairs / allPairs;
        var maximum = (predictedPairs + goldPairs) / 2.0;
        var ari = maximum - expected == 0 ? 1.0 : (truePairs - expected) / (maximum - expected);
        return new PairScores(truePairs, predictedPairs, goldPairs, precision, recall, f1, ari);
    }
}
