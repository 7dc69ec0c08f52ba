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

        // identical trivial groupings (all singletons, or one group) leave no room for chance: ARI = 1 (PairScores)
        return StoryScores.From(articles.Count, predicted.Count, gold.Count, truePairs, predictedPairs, goldPairs, Pairs(articles.Count));
    }

    /// <summary>Scores <paramref name="predicted"/> (article id → story) over the articles <paramref name="gold"/> also names, those of the gold stories <paramref name="keepGold"/> keeps.</summary>
    public static StoryScores Evaluate(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted, Func<string, bool>? keepGold = null)
    {
        var articles = new List<(string, string)>();
        foreach (var (id, story) in predicted)
        {
            if (gold.TryGetValue(id, out var g) && (keepGold is null || keepGold(g)))
                articles.Add((story, g));
        }
        return Evaluate(articles);
    }

    private static long Pairs(long n) => n * (n - 1) / 2;
}
