namespace ClassifyPipeline.Evaluation;

/// <summary>
/// Multi-label scores over a fixed list of labels: per label, its true/false positives and false negatives across
/// the items; micro scores from the counts summed over the labels, macro scores as the mean of the per-label ones.
/// Gold or predicted labels outside the list are ignored (as <c>TopicMetrics.MultiLabelSets</c> does). Items may carry a
/// whole-number weight (a bootstrap resample counts an item as often as it was drawn).
/// </summary>
public sealed class MultiLabelCounts
{
    private MultiLabelCounts(IReadOnlyList<string> labels, BinaryCounts[] counts, int items)
    {
        Labels = labels;
        PerLabel = counts;
        Items = items;
    }

    /// <summary>The labels, distinct and sorted ordinally.</summary>
    public IReadOnlyList<string> Labels { get; }

    public IReadOnlyList<BinaryCounts> PerLabel { get; }

    public int Items { get; }

    public BinaryCounts Micro => PerLabel.Aggregate(default(BinaryCounts), (sum, c) => sum + c);

    public double MacroF1 => PerLabel.Count == 0 ? 0 : PerLabel.Average(c => c.F1);

    public IReadOnlyList<ClassScore> Classes => Labels.Select((l, i) => ClassScore.From(l, PerLabel[i])).ToArray();

    /// <param name="weights">When given, how often each item counts (a bootstrap resample); else once each.</param>
    public static MultiLabelCounts Create(IReadOnlyList<string> labels, IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<string>> predicted,
        IReadOnlyList<int>? weights = null)
    {
        if (gold.Count != predicted.Count)
            throw new ArgumentException($"{gold.Count} gold label sets but {predicted.Count} predicted ones");
        if (weights is not null && weights.Count != gold.Count)
            throw new ArgumentException($"{gold.Count} items but {weights.Count} weights");
        var sorted = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sorted.Length; i++)
            index[sorted[i]] = i;
        long[] tp = new long[sorted.Length], fp = new long[sorted.Length], fn = new long[sorted.Length];
        var g = new bool[sorted.Length];
        var p = new bool[sorted.Length];
        for (var item = 0; item < gold.Count; item++)
        {
            Array.Clear(g);
            Array.Clear(p);
            foreach (var label in gold[item])
                if (index.TryGetValue(label, out var k))
                    g[k] = true;
            foreach (var label in predicted[item])
                if (index.TryGetValue(label, out var k))
                    p[k] = true;
            long w = weights?[item] ?? 1;
            for (var k = 0; k < sorted.Length; k++)
            {
                if (g[k] && p[k])
                    tp[k] += w;
                else if (p[k])
                    fp[k] += w;
                else if (g[k])
                    fn[k] += w;
            }
        }
        var counts = new BinaryCounts[sorted.Length];
        for (var k = 0; k < counts.Length; k++)
            counts[k] = new BinaryCounts(tp[k], fp[k], fn[k]);
        return new MultiLabelCounts(sorted, counts, gold.Count);
    }
}
