using ClassifyPipeline.Articles;
using System.Globalization;

namespace ClassifyPipeline.Reports;

/// <summary>How the human reports print numbers, dates and summary counts, so report.md and report.html agree.</summary>
internal static class ReportText
{
    public static string Number(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    /// <summary>A publication time as stated: the date alone when only a date is known, else date and time in the stated offset.</summary>
    public static string Date(PublishedTime? value) => value switch
    {
        null => "—",
        { Precision: TimePrecision.Date } v => v.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        { Precision: TimePrecision.Local } v => v.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        { } v => v.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + (v.Value.Offset == System.TimeSpan.Zero ? " UTC" : v.Value.ToString(" zzz", CultureInfo.InvariantCulture)),
    };

    public static string Stance(ReportArticle a) =>
        a.Stance is null ? "—" : a.StanceConfidence is { } c ? $"{a.Stance} ({Number(c)})" : a.Stance;

    public static string SharedTerms(StoryView story, ReportArticle a) =>
        story.BestEdge(a.Id) is { SharedTerms.Count: > 0 } edge ? string.Join(", ", edge.SharedTerms) : "—";

    public static string TimeSpan(StoryView story)
    {
        var dates = story.Articles.Select(a => a.Published).OfType<PublishedTime>().ToList();
        if (dates.Count == 0)
            return "no dates";
        var (first, last) = (dates.Min(), dates.Max());
        return first == last ? Date(first) : $"{Date(first)} to {Date(last)}";
    }

    /// <summary>Counts per label, largest first, ties by label: the text form of a bar chart.</summary>
    public static IReadOnlyList<(string Label, int Count)> Counts(IEnumerable<string?> labels) =>
        labels.OfType<string>().GroupBy(l => l, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
}
