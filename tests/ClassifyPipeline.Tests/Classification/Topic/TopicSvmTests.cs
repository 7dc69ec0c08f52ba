using ClassifyPipeline.Classification.Topic;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Tests.Classification.Topic;

public sealed class TopicSvmTests
{
    [Theory]
    [InlineData(TopicTrainer.LinearSvm, false)]
    [InlineData(TopicTrainer.LinearSvmDcd, true)]
    [InlineData(TopicTrainer.LinearSvm, true)]
    public void Fit_OtherSvmSettings_ClassifyOtherArticlesWell(TopicTrainer trainer, bool nbScaling)
    {
        var model = new TopicEstimator(new TopicTrainingOptions { Trainer = trainer, NbScaling = nbScaling }).Fit(BbcSamples.Take(40));
        var metrics = TopicEvaluator.Evaluate(model, BbcSamples.Take(40, offset: 3));
        Assert.True(metrics.Accuracy > 0.85, $"accuracy {metrics.Accuracy}");
    }

    [Fact]
    public void LogCountRatio_PositiveOnlyFeature_Positive_NegativeOnlyFeature_Negative_SharedFeature_NearZero()
    {
        SparseVector[] rows =
        [
            new([0, 2], [1f, 1f]),
            new([0, 2], [1f, 1f]),
            new([1, 2], [1f, 1f]),
            new([1, 2], [1f, 1f]),
        ];
        var r = TopicEstimator.LogCountRatio(rows, [true, true, false, false], 3);
        Assert.True(r[0] > 0.5, $"r0 {r[0]}");
        Assert.True(r[1] < -0.5, $"r1 {r[1]}");
        Assert.Equal(0, r[2], 5);
    }

    [Fact]
    public void LinearSvmDcd_SeparableData_SeparatesIt()
    {
        SparseVector[] rows =
        [
            new([0], [1f]), new([0, 1], [0.9f, 0.1f]), new([1], [1f]), new([0, 1], [0.1f, 0.9f]),
        ];
        bool[] positive = [true, true, false, false];
        var (w, b) = LinearTrainers.Binary(rows, positive, 2, new TopicTrainingOptions { Trainer = TopicTrainer.LinearSvmDcd });
        for (var i = 0; i < rows.Length; i++)
        {
            var margin = b + rows[i].Indices.Select((f, j) => w[f] * rows[i].Values[j]).Sum();
            Assert.Equal(positive[i], margin > 0);
        }
    }
}
