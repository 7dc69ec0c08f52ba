namespace ClassifyPipeline.Evaluation;

/// <summary>
/// Agreement of a grouping (predicted stories) with gold groups over the same items, by pairs: pairwise precision,
/// recall and F1 over the item pairs put together, and Hubert and Arabie's adjusted Rand index. Computed from the
/// contingency table, linear in the items. Items may carry a whole-number weight (a bootstrap resample): a group
/// of weights w then holds ((Σw)² − Σw²)/2 pairs, i.e. every pair of two different items, an item drawn twice
/// forming no pair with itself. With all weights 1 these are the plain pair counts.
/// </summary>
public sealed class PairAgreement
{
    private readonly int[] _predicted;
    private readonly int[] _gold;
    private readonly int[] _cell;
    private readonly int _predictedGroups;
    private readonly int _goldGroups;
    private readonly int _cells;

    /// <param name="items">Each item's predicted group and gold group (any names).</param>
    public PairAgreement(IReadOnlyList<(string Predicted, string Gold)> items)
    {
        _predicted = Indices(items.Select(i => i.Predicted), out _predictedGroups);
        _gold = Indices(items.Select(i => i.Gold), out _goldGroups);
        _cell = Indices(items.Select(i => i.Predicted + "\u0001" + i.Gold), out _cells);
    }

    public int Items => _predicted.Length;

    public PairScores Score(IReadOnlyList<int>? weights = null)
    {
        if (weights is not null && weights.Count != Items)
            throw new ArgumentException($"{Items} items but {weights.Count} weights");
        var truePairs = Pairs(_cell, _cells, weights);
        var predictedPairs = Pairs(_predicted, _predictedGroups, weights);
        var goldPairs = Pairs(_gold, _goldGroups, weights);
        long total = 0, squares = 0;
        for (var i = 0; i < Items; i++)
        {
            long w = weights?[i] ?? 1;
            total += w;
            squares += w * w;
        }
        var allPairs = (double)(total * total - squares) / 2;
        return PairScores.From(truePairs, predictedPairs, goldPairs, allPairs);
    }

    private static long Pairs(int[] group, int groups, IReadOnlyList<int>? weights)
    {
        var sum = new long[groups];
        var squares = new long[groups];
        for (var i = 0; i < group.Length; i++)
        {
            long w = weights?[i] ?? 1;
            sum[group[i]] += w;
            squares[group[i]] += w * w;
        }
        long pairs = 0;
        for (var g = 0; g < groups; g++)
            pairs += (sum[g] * sum[g] - squares[g]) / 2;
        return pairs;
    }

    private static int[] Indices(IEnumerable<string> names, out int distinct)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = names.Select(n => index.TryGetValue(n, out var i) ? i : index[n] = index.Count).ToArray();
        distinct = index.Count;
        return result;
    }
}
