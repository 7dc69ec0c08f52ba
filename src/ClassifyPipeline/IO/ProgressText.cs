using System.Globalization;

namespace ClassifyPipeline.IO;

/// <summary>
/// How a <see cref="RunProgress"/> reads on a terminal: the stage, items done of the total with the share, the time
/// the stage has run and, once a total is known and some items are done, an estimate of the time left (a linear
/// extrapolation of the stage's rate so far). Pure: the caller measures the elapsed time.
/// </summary>
public static class ProgressText
{
    /// <summary>
    /// The time left at the stage's mean rate so far, or null when it cannot be told: no total, nothing done yet,
    /// or no time measured. Zero once everything is done.
    /// </summary>
    public static TimeSpan? Remaining(long done, long? total, TimeSpan elapsed)
    {
        if (total is not { } t || t <= 0)
            return null;
        if (done >= t)
            return TimeSpan.Zero;
        if (done <= 0 || elapsed <= TimeSpan.Zero)
            return null;
        var seconds = elapsed.TotalSeconds * (t - done) / done;
        return seconds >= TimeSpan.MaxValue.TotalSeconds / 2 ? null : TimeSpan.FromSeconds(Math.Ceiling(seconds));
    }

    /// <summary>One line, e.g. <c>[join] 12,000/100,000 (12%), 4 s, about 30 s left</c> or <c>[analyze] 8,192, 2 s</c>.</summary>
    public static string Format(RunProgress value, TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        var line = new System.Text.StringBuilder();
        line.Append(c, $"[{value.Stage}] {value.Done:N0}");
        if (value.Total is { } total)
        {
            line.Append(c, $"/{total:N0}");
            if (total > 0)
                line.Append(c, $" ({Math.Min(100, 100.0 * value.Done / total):F0}%)");
        }
        line.Append(", ").Append(Duration(elapsed));
        if (Remaining(value.Done, value.Total, elapsed) is { } left && left > TimeSpan.Zero)
            line.Append(", about ").Append(Duration(left)).Append(" left");
        return line.ToString();
    }

    /// <summary>A short duration: <c>42 s</c>, <c>3 min 05 s</c>, <c>2 h 07 min</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        var c = CultureInfo.InvariantCulture;
        if (span < TimeSpan.Zero)
            span = TimeSpan.Zero;
        var seconds = (long)Math.Round(span.TotalSeconds);
        return seconds switch
        {
            < 60 => string.Create(c, $"{seconds} s"),
            < 3600 => string.Create(c, $"{seconds / 60} min {seconds % 60:D2} s"),
            _ => string.Create(c, $"{seconds / 3600} h {seconds / 60 % 60:D2} min"),
        };
    }
}
