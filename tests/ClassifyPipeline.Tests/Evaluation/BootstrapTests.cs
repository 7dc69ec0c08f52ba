using ClassifyPipeline.Evaluation;

namespace ClassifyPipeline.Tests.Evaluation;

public sealed class BootstrapTests
{
    private static double[] Values(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
    }

    private static double[] WeightedMean(double[] values, int[] weights)
    {
        double sum = 0, count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += weights[i] * values[i];
            count += weights[i];
        }
        return [sum / count];
    }

    [Fact]
    public void Intervals_MeanOfUniformValues_WidthNearTheNormalApproximation()
    {
        var values = Values(2000, 3);
        var interval = new Bootstrap().Intervals(values.Length, ["mean"], w => WeightedMean(values, w)).Single();

        var standardError = ScoreSummary.Of("x", values).StandardDeviation / Math.Sqrt(values.Length);
        Assert.Equal(values.Average(), interval.Value, 12);
        Assert.InRange(interval.Value, interval.Lower, interval.Upper);
        // 95%: about ±1.96 standard errors; a bootstrap of 1,000 resamples lands within 15% of it
        Assert.InRange((interval.Upper - interval.Lower) / (2 * 1.96 * standardError), 0.85, 1.15);
        Assert.InRange((interval.Value - interval.Lower) / (interval.Upper - interval.Value), 0.7, 1.4);
    }

    [Fact]
    public void Intervals_SameSeed_SameIntervals_OtherSeed_Different()
    {
        var values = Values(300, 4);
        IReadOnlyList<ScoreInterval> Run(int seed) => new Bootstrap(200, seed).Intervals(values.Length, ["mean"], w => WeightedMean(values, w));

        Assert.Equal(Run(7), Run(7));
        Assert.NotEqual(Run(7), Run(8));
    }

    [Fact]
    public void Intervals_EveryResampleDrawsAsManyItemsAsThereAre()
    {
        var sums = new List<int>();
        var intervals = new Bootstrap(50).Intervals(37, ["a", "b"], w =>
        {
            sums.Add(w.Sum());
            Assert.All(w, x => Assert.True(x >= 0));
            return [w[0], 1.0];
        });

        Assert.Equal(51, sums.Count);
        Assert.All(sums, s => Assert.Equal(37, s));
        Assert.Equal(new ScoreInterval("b", 1, 1, 1), intervals[1]);
        Assert.Equal(1, intervals[0].Value);
        Assert.True(intervals[0].Lower < intervals[0].Upper);
    }

    [Fact]
    public void Intervals_WrongNumberOfScoresOrBadSettings_ClearErrors()
    {
        Assert.Contains("gave 1 scores for 2 names",
            Assert.Throws<InvalidOperationException>(() => new Bootstrap(10).Intervals(5, ["a", "b"], _ => [0.0])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Bootstrap(level: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Bootstrap(resamples: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Bootstrap().Intervals(0, ["a"], _ => [0.0]));
    }

    [Fact]
    public void ScoreSummary_Of_MeanSampleStandardDeviationAndRange()
    {
        var s = ScoreSummary.Of("F1", [1, 2, 3, 4]);

        Assert.Equal(2.5, s.Mean, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3), s.StandardDeviation, 12);
        Assert.Equal((4, 1.0, 4.0), (s.Count, s.Minimum, s.Maximum));
        Assert.Equal(0, ScoreSummary.Of("one", [0.7]).StandardDeviation);
        Assert.Throws<ArgumentException>(() => ScoreSummary.Of("none", []));
    }
}
