namespace ClassifyPipeline.Evaluation;

/// <summary>
/// Single-label confusion matrix over a fixed list of labels: <c>this[gold, predicted]</c> counts the items with that
/// gold and that predicted label. From it: accuracy, per-class precision/recall/F1, macro scores (the mean over the
/// labels, every label counting, also one that no item carries) and micro scores (from the summed counts; equal to
/// the accuracy when every item has one gold and one predicted label). Items may carry a whole-number weight (a
/// bootstrap resample counts an item as often as it was drawn).
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[,] _counts;

    public ConfusionMatrix(IReadOnlyList<string> labels)
    {
        if (labels.Count == 0)
            throw new ArgumentException("at least one label is needed", nameof(labels));
        Labels = labels;
        _counts = new long[labels.Count, labels.Count];
    }

    public IReadOnlyList<string> Labels { get; }

    public long this[int gold, int predicted] => _counts[gold, predicted];

    /// <summary>All items counted (with their weights).</summary>
    public long Total { get; private set; }

    /// <summary>Items whose predicted label is the gold one.</summary>
    public long Correct { get; private set; }

    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    /// <summary>Counts every item: gold and predicted are indices into <see cref="Labels"/>; <paramref name="weights"/>, when given, how often each item counts.</summary>
    public static ConfusionMatrix Create(IReadOnlyList<string> labels, IReadOnlyList<int> gold, IReadOnlyList<int> predicted, IReadOnlyList<int>? weights = null)
    {
        if (gold.Count != predicted.Count)
            throw new ArgumentException($"{gold.Count} gold labels but {predicted.Count} predictions");
        if (weights is not null && weights.Count != gold.Count)
            throw new ArgumentException($"{gold.Count} items but {weights.Count} weights");
        var matrix = new ConfusionMatrix(labels);
        for (var i = 0; i < gold.Count; i++)
            matrix.Add(gold[i], predicted[i], weights?[i] ?? 1);
        return matrix;
    }

    /// <summary>
    /// Counts labels given by name, over <paramref name="labels"/> with any gold or predicted label outside it added;
    /// the labels are then sorted ordinally (the order <c>TopicMetrics.SingleLabel</c> reports them in).
    /// </summary>
    public static ConfusionMatrix FromNames(IReadOnlyList<string> labels, IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count)
            throw new ArgumentException($"{gold.Count} gold labels but {predicted.Count} predictions");
        var all = labels.Concat(gold).Concat(predicted).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < all.Length; i++)
            index[all[i]] = i;
        return Create(all, gold.Select(g => index[g]).ToArray(), predicted.Select(p => index[p]).ToArray());
    }

    public void Add(int gold, int predicted, long count = 1)
    {
        if ((uint)gold >= (uint)Labels.Count || (uint)predicted >= (uint)Labels.Count)
            throw new ArgumentOutOfRangeException(nameof(gold), $"label indices must be below {Labels.Count}: gold {gold}, predicted {predicted}");
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _counts[gold, predicted] += count;
        Total += count;
        if (gold == predicted)
            Correct += count;
    }

    /// <summary>One label against the rest: tp = the diagonal cell, fp = the rest of its column, fn = the rest of its row.</summary>
    public BinaryCounts Counts(int label)
    {
        long row = 0, column = 0;
        for (var i = 0; i < Labels.Count; i++)
        {
            row += _counts[label, i];
            column += _counts[i, label];
        }
        var tp = _counts[label, label];
        return new BinaryCounts(tp, column - tp, row - tp);
    }

    public ClassScore Class(int label) => ClassScore.From(Labels[label], Counts(label));

    /// <summary>Per-class scores, in the order of <see cref="Labels"/>.</summary>
    public IReadOnlyList<ClassScore> Classes => Enumerable.Range(0, Labels.Count).Select(Class).ToArray();

    public double MacroPrecision => Enumerable.Range(0, Labels.Count).Average(l => Counts(l).Precision);

    public double MacroRecall => Enumerable.Range(0, Labels.Count).Average(l => Counts(l).Recall);

    public double MacroF1 => Enumerable.Range(0, Labels.Count).Average(l => Counts(l).F1);

    /// <summary>The counts summed over the labels (precision = recall = F1 = accuracy here).</summary>
    public BinaryCounts Micro => new(Correct, Total - Correct, Total - Correct);

    /// <summary>A copy as jagged arrays, <c>[gold][predicted]</c>.</summary>
    public long[][] ToArray()
    {
        var result = new long[Labels.Count][];
        for (var g = 0; g < result.Length; g++)
        {
            result[g] = new long[Labels.Count];
            for (var p = 0; p < result.Length; p++)
                result[g][p] = _counts[g, p];
        }
        return result;
    }
}
