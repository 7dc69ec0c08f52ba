using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace ClassifyPipeline.Evaluation;

/// <summary>
/// Percentile bootstrap confidence intervals (Efron): the items (pairs, articles) are drawn with replacement as
/// many times as there are items, the scores are computed on each resample, and the interval is the
/// (1 − level)/2 and (1 + level)/2 quantiles of those scores (MathNet's R-7 definition, as numpy's default).
/// A resample is given to the scores as a weight per item (how often it was drawn), so a metric needs no copy
/// of the data: it counts each item that many times. Deterministic for a seed (Mersenne Twister).
/// </summary>
public sealed class Bootstrap
{
    public const int DefaultResamples = 1000;
    public const int DefaultSeed = 42;
    public const double DefaultLevel = 0.95;

    public Bootstrap(int resamples = DefaultResamples, int seed = DefaultSeed, double level = DefaultLevel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 2);
        if (level is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(level), level, "the confidence level must lie strictly between 0 and 1");
        Resamples = resamples;
        Seed = seed;
        Level = level;
    }

    public int Resamples { get; }

    public int Seed { get; }

    public double Level { get; }

    /// <summary>
    /// The intervals of the scores <paramref name="scores"/> computes, named by <paramref name="names"/> (same order).
    /// <paramref name="scores"/> is given each item's weight: all 1 for the point estimate, the draw counts for a resample.
    /// </summary>
    public IReadOnlyList<ScoreInterval> Intervals(int items, IReadOnlyList<string> names, Func<int[], double[]> scores)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 1);
        var weights = new int[items];
        Array.Fill(weights, 1);
        var point = Checked(scores(weights), names.Count);
        var samples = new double[names.Count][];
        for (var s = 0; s < samples.Length; s++)
            samples[s] = new double[Resamples];
        var random = new MersenneTwister(Seed, threadSafe: false);
        for (var r = 0; r < Resamples; r++)
        {
            Array.Clear(weights);
            for (var i = 0; i < items; i++)
                weights[random.Next(items)]++;
            var values = Checked(scores(weights), names.Count);
            for (var s = 0; s < values.Length; s++)
                samples[s][r] = values[s];
        }
        var result = new ScoreInterval[names.Count];
        for (var s = 0; s < result.Length; s++)
        {
            Array.Sort(samples[s]);
            var lower = SortedArrayStatistics.QuantileCustom(samples[s], (1 - Level) / 2, QuantileDefinition.R7);
            var upper = SortedArrayStatistics.QuantileCustom(samples[s], (1 + Level) / 2, QuantileDefinition.R7);
            result[s] = new ScoreInterval(names[s], point[s], lower, upper);
        }
        return result;
    }

    private static double[] Checked(double[] values, int expected) =>
        values.Length == expected ? values : throw new InvalidOperationException($"the score function gave {values.Length} scores for {expected} names");
}
