using ClassifyPipeline.Classification.Topic;

namespace ClassifyPipeline.Tests.Classification.Topic;

public sealed class TopicMetricsTests
{
    [Fact]
    public void SingleLabel_HandMadeConfusion_MatchesHandComputedMetrics()
    {
        // Confusion (rows gold, columns predicted) over a, b, c:
        //   a: 3 1 0    b: 1 2 0    c: 0 1 2       10 articles, 7 right.
        var gold = new List<string>();
        var predicted = new List<string>();
        void Add(string g, string p, int n)
        {
            for (var i = 0; i < n; i++)
            {
                gold.Add(g);
                predicted.Add(p);
            }
        }
        Add("a", "a", 3); Add("a", "b", 1);
        Add("b", "a", 1); Add("b", "b", 2);
        Add("c", "b", 1); Add("c", "c", 2);

        var m = TopicMetrics.SingleLabel(["a", "b", "c"], gold, predicted);

        Assert.Equal(0.7, m.Accuracy!.Value, 10);
        Assert.Equal(0.7, m.MicroF1, 10);
        Assert.Equal([[3, 1, 0], [1, 2, 0], [0, 1, 2]], m.Confusion!);
        // a: P 3/4, R 3/4, F1 0.75; b: P 2/4, R 2/3, F1 4/7; c: P 1, R 2/3, F1 0.8
        Assert.Equal(0.75, m.PerClass[0].F1, 10);
        Assert.Equal(0.5, m.PerClass[1].Precision, 10);
        Assert.Equal(2.0 / 3, m.PerClass[1].Recall, 10);
        Assert.Equal(4.0 / 7, m.PerClass[1].F1, 10);
        Assert.Equal(1.0, m.PerClass[2].Precision, 10);
        Assert.Equal(0.8, m.PerClass[2].F1, 10);
        Assert.Equal((0.75 + 4.0 / 7 + 0.8) / 3, m.MacroF1, 10);
        Assert.Equal([4, 3, 3], m.PerClass.Select(c => c.Support));
    }

    [Fact]
    public void SingleLabel_PredictedLabelOutsideList_CountsAsAClass()
    {
        var m = TopicMetrics.SingleLabel(["a"], ["a", "a"], ["a", "z"]);
        Assert.Equal(["a", "z"], m.Labels);
        Assert.Equal(0.5, m.Accuracy!.Value, 10);
        Assert.Equal(0, m.PerClass[1].F1);
    }

    [Fact]
    public void MultiLabel_HandMadeSets_MicroAndMacroF1()
    {
        IReadOnlyList<string>[] gold = [["x", "y"], ["x"], [], ["y"]];
        IReadOnlyList<string>[] predicted = [["x"], ["x", "y"], ["y"], ["y", "other"]];
        var m = TopicMetrics.MultiLabelSets(["x", "y"], gold, predicted);
        // x: tp 2, fp 0, fn 0 → F1 1.  y: tp 1, fp 2, fn 1 → F1 2/5.  micro: tp 3, fp 2, fn 1 → 6/9.
        Assert.Equal(1.0, m.PerClass[0].F1, 10);
        Assert.Equal(0.4, m.PerClass[1].F1, 10);
        Assert.Equal(0.7, m.MacroF1, 10);
        Assert.Equal(6.0 / 9, m.MicroF1, 10);
        Assert.Equal(0.6, m.MicroPrecision, 10);
        Assert.Equal(0.75, m.MicroRecall, 10);
        Assert.Null(m.Accuracy);
        Assert.Null(m.Confusion);
    }

    [Fact]
    public void Folds_Stratified_EveryFoldGetsEveryClassAndIsDeterministic()
    {
        var classes = Enumerable.Range(0, 50).Select(i => i < 20 ? "a" : "b").ToArray();
        var folds = Folds.Stratified(classes, 5, 42);
        Assert.Equal(folds, Folds.Stratified(classes, 5, 42));
        for (var k = 0; k < 5; k++)
        {
            Assert.Equal(4, Enumerable.Range(0, 50).Count(i => folds[i] == k && classes[i] == "a"));
            Assert.Equal(6, Enumerable.Range(0, 50).Count(i => folds[i] == k && classes[i] == "b"));
        }
    }

    [Fact]
    public void BestThreshold_SeparableScores_SplitsBetweenClasses()
    {
        var threshold = TopicThresholds.BestThreshold([0.9, 0.8, 0.75, 0.72, 0.65, 0.4, 0.2, 0.1], [true, true, true, true, true, false, false, false], 0.5f);
        Assert.Equal(0.525f, threshold, 4);
        Assert.Equal(0.5f, TopicThresholds.BestThreshold([0.9, 0.1], [true, false], 0.5f)); // too few positives: the default
    }
}
