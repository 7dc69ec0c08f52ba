using MathNet.Numerics.Statistics;

namespace ClassifyPipeline.Evaluation;

/// <summary>One score over several runs (folds, repeats): how many, their mean, sample standard deviation, and range.</summary>
public sealed record ScoreSummary(string Name, int Count, double Mean, double StandardDeviation, double Minimum, double Maximum)
{
    /// <summary>Summarizes <paramref name="values"/>; the standard deviation is the sample one (n − 1), 0 for a single value.</summary>
    public static ScoreSummary Of(string name, IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            throw new ArgumentException("no values to summarize", nameof(values));
        var sd = values.Count > 1 ? values.StandardDeviation() : 0;
        return new ScoreSummary(name, values.Count, values.Mean(), sd, values.Min(), values.Max());
    }
}
