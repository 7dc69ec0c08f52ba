using System.Globalization;
using System.Text.RegularExpressions;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Parses the dates feeds carry: RFC 822 / 1123 (<c>Mon, 23 Nov 2026 10:00:00 GMT</c>, with the
/// usual deviations: no weekday, no seconds, two-digit years, named US zones, full month names)
/// and ISO 8601 / RFC 3339. A date without a zone is taken as UTC.
/// </summary>
public static partial class FeedDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var s = text.Trim();
        var m = Rfc822().Match(s);
        if (m.Success)
            return TryRfc822(m, out value);
        if (Iso8601().IsMatch(s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var iso))
        {
            value = iso;
            return true;
        }
        return false;
    }

    private static bool TryRfc822(Match m, out DateTimeOffset value)
    {
        value = default;
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var month = Array.IndexOf(Months, m.Groups["month"].Value[..3].ToLowerInvariant()) + 1;
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["year"].Value.Length == 2)
            year += year < 50 ? 2000 : 1900;
        var hour = int.Parse(m.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["minute"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["second"].Success ? int.Parse(m.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
        if (month < 1 || year is < 1 or > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60)
            return false;
        if (!TryZone(m.Groups["zone"].Value, out var offset))
            return false;
        value = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), offset);
        return true;
    }

    private static bool TryZone(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone.Length == 5 && zone[0] is '+' or '-')
        {
            var hours = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var minutes = int.Parse(zone.AsSpan(3, 2), CultureInfo.InvariantCulture);
            if (hours > 14 || minutes > 59)
                return false;
            offset = new TimeSpan(hours, minutes, 0) * (zone[0] == '-' ? -1 : 1);
            return true;
        }
        switch (zone.ToUpperInvariant())
        {
            case "" or "GMT" or "UT" or "UTC" or "Z": return true;
            case "EST": offset = TimeSpan.FromHours(-5); return true;
            case "EDT": offset = TimeSpan.FromHours(-4); return true;
            case "CST": offset = TimeSpan.FromHours(-6); return true;
            case "CDT": offset = TimeSpan.FromHours(-5); return true;
            case "MST": offset = TimeSpan.FromHours(-7); return true;
            case "MDT": offset = TimeSpan.FromHours(-6); return true;
            case "PST": offset = TimeSpan.FromHours(-8); return true;
            case "PDT": offset = TimeSpan.FromHours(-7); return true;
            default: return false;
        }
    }

    [GeneratedRegex("""^(?:[A-Za-z]{3,9},?\s+)?(?<day>\d{1,2})\s+(?<month>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)\s+(?<year>\d{4}|\d{2})\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?\s*(?<zone>[+-]\d{4}|[A-Za-z]{1,3})?$""")]
    private static partial Regex Rfc822();

    [GeneratedRegex("""^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*([Zz]|[+-]\d{2}:?\d{2})?)?$""")]
    private static partial Regex Iso8601();
}
