using System.Globalization;
using System.Text.RegularExpressions;

namespace ClassifyPipeline.Metadata;

/// <summary>
/// Finds the dates written in a text, in the forms news pages use: ISO 8601 (<c>2020-01-18T21:30:00-05:00</c>),
/// year first (<c>2020/01/18</c>), month names before or after the day in several languages (<c>January 18, 2020</c>,
/// <c>Jan. 18th, 2020</c>, <c>18 Jan 2020</c>, <c>18. Januar 2020</c>, <c>18 de enero de 2020</c>), numeric day and
/// month (<c>15.10.2016</c>, <c>05/09/2013</c>, two-digit years only when asked), and CJK (<c>2020年1月18日</c>); a time
/// beside the date (<c>03:01</c>, <c>3:04 PM ET</c>, <c>10h52</c>) and its zone when it is an offset or an unambiguous
/// abbreviation (UTC, GMT, EST, CEST…; "ET" or "PT" leave the time without a zone). Only the calendar is checked
/// here (a real month and day); plausibility (not in the future, not too old) is the caller's rule.
/// Numeric dates with a dot are read day first (the European form; nobody writes month.day.year); with a slash or
/// dash and both numbers ≤ 12 they are ambiguous and carry both readings.
/// </summary>
public static partial class DateFinder
{
    private const string Zone = @"(?:(?:UTC|GMT)\s?[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|UTC|GMT|UT|Z|[ECMP][SD]T|[ECMP]T|BST|CEST|CET|MESZ|MEZ|JST|AEST|AEDT|IST)";
    private const string Boundary = @"(?<![\p{L}\p{N}])";
    private const string End = @"(?![\p{L}\p{N}])";

    private static string Time(string s) =>
        $@"(?<h{s}>\d{{1,2}})[:h](?<mi{s}>\d{{2}})(?::(?<s{s}>\d{{2}}))?(?:[.,]\d+)?(?:\s*(?<ap{s}>[ap]\.?\s?m\.?){End})?(?:\s*(?<z{s}>{Zone}){End})?";

    private static readonly string DatePattern =
        Boundary +
        $@"(?:{Time("b")}\s*,?\s*(?:on\s+)?)?" +
        $@"(?:(?<wd>{MonthNames.WeekdayPattern})\.?,?\s+(?:the\s+)?)?" +
        "(?:" +
        $@"(?<iy>\d{{4}})-(?<im>\d{{1,2}})-(?<id>\d{{1,2}})(?:T(?<ih>\d{{2}}):(?<imi>\d{{2}})(?::(?<is>\d{{2}}))?(?:[.,]\d+)?\s*(?<iz>Z|[+-]\d{{2}}:?\d{{2}})?)?" +
        $@"|(?<yy>\d{{4}})[/.](?<ym>\d{{1,2}})[/.](?<yd>\d{{1,2}})" +
        $@"|(?<mm>{MonthNames.Pattern})\.?\s+(?<md>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?<my>\d{{4}})" +
        $@"|(?<dd>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s*(?:of\s+|de\s+)?(?<dm>{MonthNames.Pattern})\.?,?\s*(?:de\s+|del\s+)?(?<dy>\d{{4}})" +
        @"|(?<na>\d{1,2})(?<ns>[/.\-])(?<nb>\d{1,2})\k<ns>(?<ny>\d{4}|\d{2})" +
        @"|(?<cy>\d{4})年\s*(?<cm>\d{1,2})月\s*(?<cd>\d{1,2})日" +
        ")" + End +
        $@"(?:\s*(?:,|at|um|à|a las|às|-|–|—|\||/)?\s*{Time("a")})?";

    private static readonly Regex Pattern = new(DatePattern,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled,
        TimeSpan.FromSeconds(2));

    /// <summary>The dates in <paramref name="text"/>, in order; at most <paramref name="limit"/> of them.</summary>
    /// <param name="twoDigitYears">Also read numeric dates with two-digit years (<c>05/09/13</c>): right in a dateline, too loose for a whole page.</param>
    /// <param name="referenceYear">The year of the run, for placing two-digit years.</param>
    public static List<DateMatch> FindAll(string? text, bool twoDigitYears = false, int referenceYear = 2100, int limit = 1000)
    {
        var result = new List<DateMatch>();
        // every form has digits: a text without any has no date (and most lines of an article have none)
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
            return result;
        try
        {
            // The pattern is costly to try at every position of a long text, and every date but a two-digit-year one
            // has a four-digit year: only the stretches around four-digit numbers are searched.
            var windows = twoDigitYears ? [(0, text.Length)] : YearWindows(text);
            foreach (var (start, length) in windows)
            {
                for (var m = Pattern.Match(text, start, length); m.Success && result.Count < limit; m = m.NextMatch())
                {
                    if (TryRead(m, twoDigitYears, referenceYear) is { } date)
                        result.Add(date);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // a pathological text: the dates found so far stand
        }
        return result;
    }

    /// <summary>
    /// The stretches of text around each four-digit number (60 characters before, 45 after: the longest time, weekday
    /// and day that can come before a year, and the longest time after one), merged where they overlap and widened to
    /// white space, so that no word is cut at a stretch's edge (the pattern's word boundaries see only the stretch).
    /// </summary>
    private static List<(int Start, int Length)> YearWindows(string text)
    {
        var windows = new List<(int Start, int Length)>();
        var i = 0;
        while (i < text.Length)
        {
            var at = text.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (at < 0)
                break;
            var begin = i + at;
            var end = begin;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
                end++;
            if (end - begin == 4)
            {
                var start = Math.Max(0, begin - 60);
                while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
                    start--;
                var stop = Math.Min(text.Length, end + 45);
                while (stop < text.Length && !char.IsWhiteSpace(text[stop]))
                    stop++;
                if (windows.Count > 0 && start <= windows[^1].Start + windows[^1].Length)
                    windows[^1] = (windows[^1].Start, Math.Max(stop, windows[^1].Start + windows[^1].Length) - windows[^1].Start);
                else
                    windows.Add((start, stop - start));
            }
            i = end;
        }
        return windows;
    }

    /// <summary>The first date in <paramref name="text"/>, or null.</summary>
    public static DateMatch? First(string? text, bool twoDigitYears = false, int referenceYear = 2100)
    {
        var all = FindAll(text, twoDigitYears, referenceYear, limit: 1);
        return all.Count > 0 ? all[0] : null;
    }

    private static DateMatch? TryRead(Match m, bool twoDigitYears, int referenceYear)
    {
        var g = m.Groups;
        DateOnly? date;
        DateOnly? alternative = null;
        var twoDigit = false;
        TimeOnly? time = null;
        TimeSpan? offset = null;
        if (g["iy"].Success)
        {
            date = Day(Int(g["iy"]), Int(g["im"]), Int(g["id"]));
            if (g["ih"].Success)
            {
                time = Clock(Int(g["ih"]), Int(g["imi"]), g["is"].Success ? Int(g["is"]) : 0, null);
                offset = g["iz"].Success ? ZoneOffset(g["iz"].Value) : null;
            }
        }
        else if (g["yy"].Success)
        {
            date = Day(Int(g["yy"]), Int(g["ym"]), Int(g["yd"]));
        }
        else if (g["mm"].Success)
        {
            date = Day(Int(g["my"]), MonthNames.Month(g["mm"].ValueSpan), Int(g["md"]));
        }
        else if (g["dd"].Success)
        {
            date = Day(Int(g["dy"]), MonthNames.Month(g["dm"].ValueSpan), Int(g["dd"]));
        }
        else if (g["cy"].Success)
        {
            date = Day(Int(g["cy"]), Int(g["cm"]), Int(g["cd"]));
        }
        else
        {
            var year = Int(g["ny"]);
            if (g["ny"].Length == 2)
            {
                if (!twoDigitYears)
                    return null;
                twoDigit = true;
                year += 2000 + year <= referenceYear ? 2000 : 1900;
            }
            int a = Int(g["na"]), b = Int(g["nb"]);
            var monthFirst = Day(year, a, b);
            var dayFirst = Day(year, b, a);
            if (g["ns"].Value == ".")
            {
                date = dayFirst;
            }
            else
            {
                date = monthFirst ?? dayFirst;
                if (monthFirst is not null && dayFirst is not null && a != b)
                    alternative = dayFirst;
            }
        }
        if (date is null)
            return null;

        var s = g["hb"].Success ? "b" : g["ha"].Success ? "a" : null;
        if (time is null && s is not null)
        {
            time = Clock(Int(g["h" + s]), Int(g["mi" + s]), g["s" + s].Success ? Int(g["s" + s]) : 0, g["ap" + s].Success ? g["ap" + s].Value : null);
            offset = time is not null && g["z" + s].Success ? ZoneOffset(g["z" + s].Value) : null;
        }
        DayOfWeek? weekday = g["wd"].Success ? MonthNames.Weekday(g["wd"].ValueSpan) : null;
        return new DateMatch(m.Index, m.Length, date.Value, time, offset, alternative, weekday, twoDigit);
    }

    private static int Int(Group g) => int.Parse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static DateOnly? Day(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static TimeOnly? Clock(int hour, int minute, int second, string? ampm)
    {
        if (ampm is { Length: > 0 })
        {
            if (hour is < 1 or > 12)
                return null;
            var pm = char.ToLowerInvariant(ampm[0]) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        return hour <= 23 && minute <= 59 && second <= 59 ? new TimeOnly(hour, minute, second) : null;
    }

    /// <summary>The UTC offset of a zone as written; null for one that does not fix an offset ("ET": EST or EDT).</summary>
    public static TimeSpan? ZoneOffset(string zone)
    {
        var z = zone.Trim().ToUpperInvariant();
        var m = OffsetPattern().Match(z);
        if (m.Success)
        {
            var hours = int.Parse(m.Groups["h"].ValueSpan, CultureInfo.InvariantCulture);
            var minutes = m.Groups["m"].Success ? int.Parse(m.Groups["m"].ValueSpan, CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59)
                return null;
            var offset = new TimeSpan(hours, minutes, 0);
            return m.Groups["sign"].Value == "-" ? -offset : offset;
        }
        return z switch
        {
            "Z" or "UTC" or "GMT" or "UT" => TimeSpan.Zero,
            "EST" => TimeSpan.FromHours(-5),
            "EDT" or "CDT" => TimeSpan.FromHours(z == "EDT" ? -4 : -5),
            "CST" => TimeSpan.FromHours(-6),
            "MST" => TimeSpan.FromHours(-7),
            "MDT" => TimeSpan.FromHours(-6),
            "PST" => TimeSpan.FromHours(-8),
            "PDT" => TimeSpan.FromHours(-7),
            "BST" or "CET" or "MEZ" => TimeSpan.FromHours(1),
            "CEST" or "MESZ" => TimeSpan.FromHours(2),
            "JST" => TimeSpan.FromHours(9),
            "AEST" => TimeSpan.FromHours(10),
            "AEDT" => TimeSpan.FromHours(11),
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?:UTC|GMT)?\s?(?<sign>[+-])(?<h>\d{1,2})(?::?(?<m>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();
}
