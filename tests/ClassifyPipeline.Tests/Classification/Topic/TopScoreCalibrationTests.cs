using ClassifyPipeline.Classification.Topic;

namespace ClassifyPipeline.Tests.Classification.Topic;

public sealed class TopScoreCalibrationTests
{
    [Theory]
    [InlineData(0.45, 0.35, 0.20, 0.8, 0.9)]
    [InlineData(0.97, 0.02, 0.01, 0.6, 0.2)]
    [InlineData(0.40, 0.38, 0.22, 1.0, -2.0)]
    public void RecalibrateTop_SumsToOneAndKeepsTheTopLabel(double top, double second, double third, double a, double b)
    {
        var p = new[] { second, top, third };
        TopicModel.RecalibrateTop(p, a, b);

        Assert.Equal(1, p.Sum(), 9);
        Assert.True(p[1] >= p[0] && p[1] >= p[2]);
        Assert.Equal(second / third, p[0] / p[2], 9);
    }

    [Fact]
    public void RecalibrateTop_IdentityLeavesTheScores()
    {
        var p = new[] { 0.2, 0.5, 0.3 };
        TopicModel.RecalibrateTop(p, 1, 0);
        Assert.Equal([0.2, 0.5, 0.3], p.Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void Fit_UnderConfidentMiddleOverConfidentTop_RaisesOneAndLowersTheOther()
    {
        // softmax top ~0.43 but right 80% of the time; top ~0.98 but right 90% of the time
        double[] middle = [0.3, 0.0, -0.2], high = [4.0, 0.0, -0.2];
        var margins = new List<double[]>();
        var classes = new List<int>();
        for (var i = 0; i < 1000; i++)
        {
            margins.Add(i % 2 == 0 ? middle : high);
            classes.Add(i % 2 == 0 ? (i % 10 == 0 ? 1 : 0) : (i % 20 == 1 ? 2 : 0));
        }
        var (scale, offset) = TopScoreCalibration.Fit(margins, classes, 1.0);

        Assert.InRange(Calibrated(middle, scale, offset), 0.75, 0.85);
        Assert.InRange(Calibrated(high, scale, offset), 0.85, 0.95);
    }

    private static double Calibrated(double[] margins, double scale, double offset)
    {
        var max = margins.Max();
        var p = margins.Select(m => Math.Exp(m - max)).ToArray();
        var sum = p.Sum();
        for (var l = 0; l < p.Length; l++)
            p[l] /= sum;
        TopicModel.RecalibrateTop(p, scale, offset);
        return p[0];
    }
}
