namespace ClassifyPipeline.Dedup.Evaluation;

/// <summary>
/// Pairwise precision/recall/F1 and the adjusted Rand index of a story grouping against gold stories,
/// computed from the contingency table (no pair enumeration), so it is exact and linear in the articles.
/// </summary>
public static class StoryEvaluator
{
    /// <summary>Scores the grouping; each item is one article's predicted story and gold story.</summary>
    public static StoryScores Evaluate(IReadOnlyList<(string Predicted, string Gold)> articles)
    {
        var cells = new Dictionary<(string, string), long>();
        var predicted = new Dictionary<string, long>(StringComparer.Ordinal);
        var gold = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (p, g) in articles)
        {
            cells[(p, g)] = cells.GetValueOrDefault((p, g)) + 1;
            predicted[p] = predicted.GetValueOrDefault(p) + 1;
            gold[g] = gold.GetValueOrDefault(g) + 1;
        }
        long truePairs = 0, predictedPairs = 0, goldPairs = 0;
        foreach (var n in cells.Values)
            truePairs += Pairs(n);
        foreach (var n in predicted.Values)
            predictedPairs += Pairs(n);
        foreach (var n in gold.Values)
            goldPairs += Pairs(n);

        var precision = predictedPairs == 0 ? 1.0 : (double)truePairs / predictedPairs;
        var recall = goldPairs == 0 ? 1.0 : (double)truePairs / goldPairs;
        var f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);

        var all = (double)Pairs(articles.Count);
        var expected = all == 0 ? 0 : (double)predictedPairs * goldPairs / all;
        var maximum = (predictedPairs + goldPairs) / 2.0;
        // identical trivial groupings (all singletons, or one group) leave no room for chance: define ARI = 1
        var ari = maximum - expected == 0 ? 1.0 : (truePairs - expected) / (maximum - expected);

        return new StoryScores(articles.Count, predicted.Count, gold.Count, truePairs, predictedPairs, goldPairs, precision, recall, f1, ari);
    }

    private static long Pairs(long n) => n * (n - 1) / 2;
}
