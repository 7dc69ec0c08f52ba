using System.Globalization;
using ClassifyPipeline.Evaluation;

namespace ClassifyPipeline.Cli.Commands;

/// <summary>Writes the statistics of an eval as plain text: bootstrap intervals and summaries over folds or repeats.</summary>
internal static class ScoreWriter
{
    /// <param name="unit">What was resampled, plural ("pairs", "articles").</param>
    public static void Intervals(TextWriter w, IReadOnlyList<ScoreInterval> intervals, Bootstrap bootstrap, string unit)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine(string.Create(c, $"{bootstrap.Level * 100:0.#}% confidence intervals (percentile bootstrap over the {unit}: {bootstrap.Resamples} resamples, seed {bootstrap.Seed}):"));
        var width = intervals.Max(i => i.Name.Length);
        foreach (var i in intervals)
            w.WriteLine(string.Create(c, $"  {i.Name.PadRight(width)} {i.Value:F4}  [{i.Lower:F4}, {i.Upper:F4}]"));
    }

    /// <param name="over">What the values are of, plural ("folds", "repeats").</param>
    public static void Summaries(TextWriter w, IReadOnlyList<ScoreSummary> summaries, string over)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine(string.Create(c, $"over the {summaries[0].Count} {over}: mean ± standard deviation (min – max)"));
        var width = summaries.Max(s => s.Name.Length);
        foreach (var s in summaries)
            w.WriteLine(string.Create(c, $"  {s.Name.PadRight(width)} {s.Mean:F4} ± {s.StandardDeviation:F4} ({s.Minimum:F4} – {s.Maximum:F4})"));
    }
}
