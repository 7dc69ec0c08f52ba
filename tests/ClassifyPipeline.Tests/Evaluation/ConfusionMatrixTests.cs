using ClassifyPipeline.Classification.Topic;
using ClassifyPipeline.Evaluation;

namespace ClassifyPipeline.Tests.Evaluation;

public sealed class ConfusionMatrixTests
{
    private static readonly string[] Abc = ["a", "b", "c"];

    [Fact]
    public void Create_HandExample_PerClassMacroAndMicroScores()
    {
        // gold:      a a a b b c
        // predicted: a a b b c c
        var m = ConfusionMatrix.Create(Abc, [0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2]);

        Assert.Equal(6, m.Total);
        Assert.Equal(4.0 / 6, m.Accuracy, 12);
        // a: tp 2, fp 0, fn 1 → P 1, R 2/3, F1 0.8; b: tp 1, fp 1, fn 1 → 0.5 / 0.5 / 0.5; c: tp 1, fp 1, fn 0 → 0.5 / 1 / 2/3
        Assert.Equal(new BinaryCounts(2, 0, 1), m.Counts(0));
        Assert.Equal(new ClassScore("a", 3, 1.0, 2.0 / 3, 0.8), m.Class(0));
        Assert.Equal(0.5, m.Class(1).F1, 12);
        Assert.Equal(2.0 / 3, m.Class(2).F1, 12);
        Assert.Equal((0.8 + 0.5 + 2.0 / 3) / 3, m.MacroF1, 12);
        Assert.Equal((1 + 0.5 + 0.5) / 3, m.MacroPrecision, 12);
        Assert.Equal((2.0 / 3 + 0.5 + 1) / 3, m.MacroRecall, 12);
        Assert.Equal(m.Accuracy, m.Micro.F1, 12);
        Assert.Equal(1, m[1, 2]);
        Assert.Equal([[2L, 1, 0], [0, 1, 1], [0, 0, 1]], m.ToArray());
    }

    [Fact]
    public void Create_LabelNobodyCarriesOrPredicts_CountsAsZeroInTheMacroMean()
    {
        var m = ConfusionMatrix.Create(Abc, [0, 1], [0, 1]);

        Assert.Equal(1.0, m.Accuracy);
        Assert.Equal(new ClassScore("c", 0, 0, 0, 0), m.Class(2));
        Assert.Equal(2.0 / 3, m.MacroF1, 12);
    }

    [Fact]
    public void Create_WeightTwo_SameAsTheItemListedTwice()
    {
        var weighted = ConfusionMatrix.Create(Abc, [0, 1, 2], [0, 2, 2], [2, 1, 3]);
        var repeated = ConfusionMatrix.Create(Abc, [0, 0, 1, 2, 2, 2], [0, 0, 2, 2, 2, 2]);

        Assert.Equal(repeated.ToArray(), weighted.ToArray());
        Assert.Equal(repeated.MacroF1, weighted.MacroF1);
        Assert.Equal(0, ConfusionMatrix.Create(Abc, [0], [0], [0]).Total);
    }

    [Fact]
    public void Create_BadInput_ClearErrors()
    {
        Assert.Contains("2 gold labels but 1 predictions", Assert.Throws<ArgumentException>(() => ConfusionMatrix.Create(Abc, [0, 1], [0])).Message);
        Assert.Contains("weights", Assert.Throws<ArgumentException>(() => ConfusionMatrix.Create(Abc, [0], [0], [1, 1])).Message);
        Assert.Contains("below 3", Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.Create(Abc, [3], [0])).Message);
        Assert.Throws<ArgumentException>(() => new ConfusionMatrix([]));
    }

    [Fact]
    public void FromNames_LabelsOutsideTheList_AddedAndSortedOrdinally()
    {
        var m = ConfusionMatrix.FromNames(["b", "a"], ["a", "z", "b"], ["a", "b", "B"]);

        Assert.Equal(["B", "a", "b", "z"], m.Labels);
        Assert.Equal(1, m[3, 2]);
        Assert.Equal(0, m.Class(3).Precision);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FromNames_RandomLabels_SameScoresAsTopicMetricsSingleLabel(int seed)
    {
        // the shared type is a drop-in for what TopicMetrics computes (the topic eval moves onto it later)
        var random = new Random(seed);
        string[] labels = ["business", "politics", "sport", "tech"];
        var gold = Enumerable.Range(0, 200).Select(_ => labels[random.Next(labels.Length)]).ToArray();
        var predicted = gold.Select(g => random.NextDouble() < 0.7 ? g : labels[random.Next(labels.Length)]).Append("other").ToArray();
        gold = [.. gold, "tech"];

        var shared = ConfusionMatrix.FromNames(labels, gold, predicted);
        var topic = TopicMetrics.SingleLabel(labels, gold, predicted);

        Assert.Equal(topic.Labels, shared.Labels);
        Assert.Equal(topic.Accuracy!.Value, shared.Accuracy, 12);
        Assert.Equal(topic.MicroF1, shared.Micro.F1, 12);
        Assert.Equal(topic.MacroF1, shared.MacroF1, 12);
        Assert.Equal(topic.PerClass.Select(c => (c.Label, (long)c.Support, c.Precision, c.Recall, c.F1)),
            shared.Classes.Select(c => (c.Label, c.Support, c.Precision, c.Recall, c.F1)));
        Assert.Equal(topic.Confusion!.Select(r => r.Select(v => (long)v)), shared.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void MultiLabelCounts_RandomSets_SameScoresAsTopicMetricsMultiLabel(int seed)
    {
        var random = new Random(seed);
        string[] labels = ["earn", "acq", "grain", "crude", "ship"];
        IReadOnlyList<string> Draw() => labels.Append("outside").Where(_ => random.NextDouble() < 0.3).ToArray();
        var gold = Enumerable.Range(0, 300).Select(_ => Draw()).ToArray();
        var predicted = Enumerable.Range(0, 300).Select(_ => Draw()).ToArray();

        var shared = MultiLabelCounts.Create(labels, gold, predicted);
        var topic = TopicMetrics.MultiLabelSets(labels, gold, predicted);

        Assert.Equal(topic.Labels, shared.Labels);
        Assert.Equal(topic.MicroPrecision, shared.Micro.Precision, 12);
        Assert.Equal(topic.MicroRecall, shared.Micro.Recall, 12);
        Assert.Equal(topic.MicroF1, shared.Micro.F1, 12);
        Assert.Equal(topic.MacroF1, shared.MacroF1, 12);
        Assert.Equal(topic.PerClass.Select(c => (c.Label, (long)c.Support, c.F1)), shared.Classes.Select(c => (c.Label, c.Support, c.F1)));
    }

    [Fact]
    public void MultiLabelCounts_HandExample_MicroFromSummedCounts()
    {
        // x: gold {a}, predicted {a, b}; y: gold {b}, predicted {}; z: gold {a, b}, predicted {a}
        var m = MultiLabelCounts.Create(["a", "b"], [["a"], ["b"], ["a", "b"]], [["a", "b"], [], ["a"]]);

        Assert.Equal(new BinaryCounts(2, 0, 0), m.PerLabel[0]);
        Assert.Equal(new BinaryCounts(0, 1, 2), m.PerLabel[1]);
        Assert.Equal(new BinaryCounts(2, 1, 2), m.Micro);
        Assert.Equal(4.0 / 7, m.Micro.F1, 12);
        Assert.Equal(0.5, m.MacroF1, 12);

        var weighted = MultiLabelCounts.Create(["a", "b"], [["a"], ["b"], ["a", "b"]], [["a", "b"], [], ["a"]], [0, 3, 1]);
        Assert.Equal(new BinaryCounts(1, 0, 0), weighted.PerLabel[0]);
        Assert.Equal(new BinaryCounts(0, 0, 4), weighted.PerLabel[1]);
    }
}
