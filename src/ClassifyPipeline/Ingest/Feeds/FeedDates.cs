using System.Globalization;
using System.Text.RegularExpressions;
using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Parses the dates feeds carry, at the precision they state them (<see cref="PublishedTime"/>): a date alone stays
/// a date; a time keeps the offset it was stated with; a time whose zone is missing or not known is a time without
/// a zone, never guessed as UTC.
/// <list type="bullet">
/// <item>RFC 822 / 1123 (<c>pubDate</c>: <c>Mon, 23 Nov 2026 10:00:00 GMT</c>) with the usual deviations: no
/// weekday, no seconds, no time at all, two-digit years (below 50: 20xx), full month names, <c>+01:00</c> with a colon,
/// zone names (US ones as RFC 822 lists them, and the unambiguous CET, CEST, EET, EEST, WET, WEST, MSK, JST, KST,
/// HKT, SGT, AEST, AEDT, NZST, NZDT, AKST, AKDT, HST, AST, ADT).</item>
/// <item>ISO 8601 / W3CDTF (<c>dc:date</c>, Atom): <c>2026-11-23</c>, <c>2026-11-23T10:00:00+01:00</c>, with or
/// without seconds or fractions, and the basic form <c>20261123T100000Z</c>. A year or a month alone is not a day: false.</item>
/// <item>asctime (<c>Sun Jan  4 16:29:06 PST 2004</c>) and <c>2004/01/04 16:29:06 PST</c>.</item>
/// </list>
/// </summary>
public static partial class FeedDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly Dictionary<string, int> ZoneMinutes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["WET"] = 0,
        ["EST"] = -300, ["EDT"] = -240, ["CST"] = -360, ["CDT"] = -300, ["MST"] = -420, ["MDT"] = -360,
        ["PST"] = -480, ["PDT"] = -420, ["AKST"] = -540, ["AKDT"] = -480, ["HST"] = -600, ["AST"] = -240, ["ADT"] = -180,
        ["CET"] = 60, ["CEST"] = 120, ["WEST"] = 60, ["EET"] = 120, ["EEST"] = 180, ["MSK"] = 180,
        ["SGT"] = 480, ["HKT"] = 480, ["JST"] = 540, ["KST"] = 540, ["AEST"] = 600, ["AEDT"] = 660, ["NZST"] = 720, ["NZDT"] = 780,
    };

    public static bool TryParse(string? text, out PublishedTime value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var s = Spaces().Replace(text.Trim(), " ");
        if (PublishedTime.TryParse(s, out value))
            return true;
        var m = Rfc822().Match(s);
        if (m.Success)
            return TryBuild(m.Groups["year"].Value, MonthOf(m.Groups["month"].Value), m.Groups["day"].Value, m, out value);
        m = Asctime().Match(s);
        if (m.Success)
            return TryBuild(m.Groups["year"].Value, MonthOf(m.Groups["month"].Value), m.Groups["day"].Value, m, out value);
        m = Slashed().Match(s);
        if (m.Success)
            return TryBuild(m.Groups["year"].Value, int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture), m.Groups["day"].Value, m, out value);
        m = Basic().Match(s);
        if (m.Success)
        {
            var iso = $"{m.Groups["y"].Value}-{m.Groups["mo"].Value}-{m.Groups["d"].Value}"
                + (m.Groups["h"].Success ? $"T{m.Groups["h"].Value}:{m.Groups["mi"].Value}:{(m.Groups["s"].Success ? m.Groups["s"].Value : "00")}{m.Groups["z"].Value}" : "");
            return PublishedTime.TryParse(iso, out value);
        }
        return false;
    }

    private static int MonthOf(string name) => Array.IndexOf(Months, name[..3].ToLowerInvariant()) + 1;

    /// <summary>A date (and time, and zone, when the match has them) from the matched parts; false for impossible values.</summary>
    private static bool TryBuild(string yearText, int month, string dayText, Match m, out PublishedTime value)
    {
        value = default;
        var year = int.Parse(yearText, CultureInfo.InvariantCulture);
        if (yearText.Length == 2)
            year += year < 50 ? 2000 : 1900;
        var day = int.Parse(dayText, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || year is < 1 or > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        if (!m.Groups["hour"].Success)
        {
            value = PublishedTime.FromDate(new DateOnly(year, month, day));
            return true;
        }
        var hour = int.Parse(m.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["minute"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["second"].Success ? int.Parse(m.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59 || second > 60)
            return false;
        var time = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified);
        var offset = Offset(m.Groups["zone"].Value);
        value = offset is { } o ? PublishedTime.FromOffset(new DateTimeOffset(time, o)) : PublishedTime.FromLocal(time);
        return true;
    }

    /// <summary>The zone's offset, or null when it is missing or not known (the time is then kept without a zone).</summary>
    private static TimeSpan? Offset(string zone)
    {
        if (zone.Length == 0)
            return null;
        var numeric = NumericZone().Match(zone);
        if (numeric.Success)
        {
            var hours = int.Parse(numeric.Groups[2].Value, CultureInfo.InvariantCulture);
            var minutes = int.Parse(numeric.Groups[3].Value, CultureInfo.InvariantCulture);
            if (hours > 14 || minutes > 59)
                return null;
            var offset = new TimeSpan(hours, minutes, 0);
            return numeric.Groups[1].Value == "-" ? -offset : offset;
        }
        return ZoneMinutes.TryGetValue(zone, out var m) ? TimeSpan.FromMinutes(m) : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})$")]
    private static partial Regex NumericZone();

    [GeneratedRegex("""^(?:[A-Za-z]{2,9}\.?,? )?(?<day>\d{1,2})[ -](?<month>(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?))[ -](?<year>\d{4}|\d{2})(?:,? (?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))? ?(?<zone>(?:GMT|UTC)?[+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?)?$""")]
    private static partial Regex Rfc822();

    [GeneratedRegex("""^[A-Za-z]{3} (?<month>(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)) (?<day>\d{1,2}) (?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))? (?:(?<zone>[A-Za-z]{1,5}|[+-]\d{4}) )?(?<year>\d{4})$""")]
    private static partial Regex Asctime();

    [GeneratedRegex("""^(?<year>\d{4})/(?<month>\d{1,2})/(?<day>\d{1,2})(?: (?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?(?: ?(?<zone>[+-]\d{2}:?\d{2}|[A-Za-z]{1,5}))?)?$""")]
    private static partial Regex Slashed();

    [GeneratedRegex("""^(?<y>\d{4})(?<mo>\d{2})(?<d>\d{2})(?:T(?<h>\d{2})(?<mi>\d{2})(?<s>\d{2})?(?<z>Z|[+-]\d{2}:?\d{2})?)?$""")]
    private static partial Regex Basic();
}
