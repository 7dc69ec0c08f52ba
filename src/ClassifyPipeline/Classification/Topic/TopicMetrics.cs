namespace ClassifyPipeline.Classification.Topic;

/// <summary>Precision, recall and F1 of one label, and how many gold articles carry it.</summary>
/// <summary>A misclassified article: its id, title, gold label, the predicted label and its score.</summary>
public sealed record TopicMiss(string Id, string? Title, string Gold, string Predicted, double Score);

public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);

/// <summary>
/// Evaluation results. Single-label: accuracy, macro-F1 (mean over the labels), micro-F1 (= accuracy), per-class
/// scores and the confusion matrix (rows: gold, columns: predicted). Multi-label: micro-F1 (from the summed true
/// positives, false positives and false negatives of all labels), macro-F1 (mean of the per-label F1), per-label
/// scores; no confusion matrix. An undefined precision, recall or F1 (0/0) counts as 0, as in scikit-learn.
/// </summary>
public sealed class TopicMetrics
{
    /// <summary>
    /// Single-label: the articles whose predicted label is not their gold one, in input order, with the top score
    /// (empty for multi-label, or when the scorer did not say which articles).
    /// </summary>
    public IReadOnlyList<TopicMiss> Misses { get; internal set; } = [];

    private TopicMetrics(bool multiLabel, int count, IReadOnlyList<string> labels, double? accuracy, double microPrecision, double microRecall,
        double microF1, IReadOnlyList<ClassMetrics> perClass, int[][]? confusion, ReliabilityTable? reliability)
    {
        Reliability = reliability;
        MultiLabel = multiLabel;
        Count = count;
        Labels = labels;
        Accuracy = accuracy;
        MicroPrecision = microPrecision;
        MicroRecall = microRecall;
        MicroF1 = microF1;
        PerClass = perClass;
        MacroF1 = perClass.Count == 0 ? 0 : perClass.Average(c => c.F1);
        Confusion = confusion;
    }

    public bool MultiLabel { get; }

    /// <summary>Articles evaluated.</summary>
    public int Count { get; }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>Single-label only: the fraction predicted right.</summary>
    public double? Accuracy { get; }

    public double MicroPrecision { get; }

    public double MicroRecall { get; }

    public double MicroF1 { get; }

    public double MacroF1 { get; }

    public IReadOnlyList<ClassMetrics> PerClass { get; }

    /// <summary>The top score of each prediction against whether its top label was right (calibration); null when not given.</summary>
    public ReliabilityTable? Reliability { get; }

    /// <summary>Single-label only: Confusion[gold][predicted], indexed like <see cref="Labels"/>.</summary>
    public int[][]? Confusion { get; }

    /// <summary>Single-label metrics over <paramref name="labels"/> (gold or predicted labels outside it are added to it).</summary>
    public static TopicMetrics SingleLabel(IReadOnlyList<string> labels, IReadOnlyList<string> gold, IReadOnlyList<string> predicted, ReliabilityTable? reliability = null)
    {
        if (gold.Count != predicted.Count)
            throw new ArgumentException("gold and predicted differ in length");
        var all = labels.Concat(gold).Concat(predicted).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = all.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var confusion = all.Select(_ => new int[all.Length]).ToArray();
        var correct = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            confusion[index[gold[i]]][index[predicted[i]]]++;
            if (gold[i] == predicted[i])
                correct++;
        }
        var perClass = new ClassMetrics[all.Length];
        for (var c = 0; c < all.Length; c++)
        {
            var tp = confusion[c][c];
            var support = confusion[c].Sum();
            var predictedCount = confusion.Sum(row => row[c]);
            perClass[c] = Scores(all[c], tp, predictedCount - tp, support - tp, support);
        }
        var accuracy = gold.Count == 0 ? 0 : (double)correct / gold.Count;
        return new TopicMetrics(false, gold.Count, all, accuracy, accuracy, accuracy, accuracy, perClass, confusion, reliability);
    }

    /// <summary>Multi-label metrics over exactly <paramref name="labels"/>: gold or predicted labels outside it are ignored.</summary>
    public static TopicMetrics MultiLabelSets(IReadOnlyList<string> labels, IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<string>> predicted, ReliabilityTable? reliability = null)
    {
        if (gold.Count != predicted.Count)
            throw new ArgumentException("gold and predicted differ in length");
        var sorted = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var perClass = new ClassMetrics[sorted.Length];
        long tpSum = 0, fpSum = 0, fnSum = 0;
        for (var c = 0; c < sorted.Length; c++)
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < gold.Count; i++)
            {
                var g = gold[i].Contains(sorted[c], StringComparer.Ordinal);
                var p = predicted[i].Contains(sorted[c], StringComparer.Ordinal);
                if (g && p)
                    tp++;
                else if (p)
                    fp++;
                else if (g)
                    fn++;
            }
            perClass[c] = Scores(sorted[c], tp, fp, fn, tp + fn);
            tpSum += tp;
            fpSum += fp;
            fnSum += fn;
        }
        var micro = Scores("", tpSum, fpSum, fnSum, 0);
        return new TopicMetrics(true, gold.Count, sorted, null, micro.Precision, micro.Recall, micro.F1, perClass, null, reliability);
    }

    private static ClassMetrics Scores(string label, long tp, long fp, long fn, int support)
    {
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        return new ClassMetrics(label, precision, recall, F1(tp, fp, fn), support);
    }

    /// <summary>F1 from counts (0 when there is nothing to count); over counts summed across labels, the micro-F1.</summary>
    internal static double F1(long tp, long fp, long fn) => 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
}
