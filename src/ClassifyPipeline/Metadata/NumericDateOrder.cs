using System.Text.RegularExpressions;

namespace ClassifyPipeline.Metadata;

/// <summary>
/// Settles a numeric date that reads both ways (<c>05/09/2013</c>: 9 May or 5 September) by evidence, in this order:
/// <list type="number">
/// <item>a weekday written right before the date that only one reading falls on ("Thursday, 05/09/2013");</item>
/// <item>weekdays named in the text ("on Thursday") that only one reading falls on;</item>
/// <item>another numeric date in the text that only reads one way (<c>25/09/2013</c> shows day first);</item>
/// <item>a date with a month name in the text on the day of only one reading ("May 9");</item>
/// <item>the outlet's country: a language other than English, an English locale outside the US (<c>en-GB</c>) or a
/// country-code domain other than <c>.us</c> mean day first; <c>en-US</c> means month first;</item>
/// <item>otherwise month first, the form of US English, which most English-language news sites write.</item>
/// </list>
/// </summary>
public static partial class NumericDateOrder
{
    /// <summary>What the rest of the page says, for <see cref="Resolve"/>.</summary>
    /// <param name="Text">The article text (or its first part).</param>
    /// <param name="Lang">The page's language tag, when known.</param>
    /// <param name="Url">The page's URL, when known.</param>
    public sealed record Evidence(string? Text, string? Lang, string? Url);

    /// <summary>The reading of <paramref name="match"/> the evidence supports; its only reading when it is not ambiguous.</summary>
    public static DateOnly Resolve(DateMatch match, Evidence evidence) => Resolve(match, evidence, out _);

    /// <param name="reason">Which rule decided, for logs and tests.</param>
    public static DateOnly Resolve(DateMatch match, Evidence evidence, out string reason)
    {
        reason = "unambiguous";
        if (match.Alternative is not { } dayFirst)
            return match.Date;
        var monthFirst = match.Date;

        if (match.Weekday is { } named && Decide(monthFirst.DayOfWeek == named, dayFirst.DayOfWeek == named) is { } byLabel)
            return Pick(byLabel, "weekday beside the date", out reason);

        var text = evidence.Text ?? "";
        var weekdays = WeekdaysNamed(text);
        if (Decide(weekdays.Contains(monthFirst.DayOfWeek), weekdays.Contains(dayFirst.DayOfWeek)) is { } byWeekday)
            return Pick(byWeekday, "weekday named in the text", out reason);

        var others = DateFinder.FindAll(text, limit: 200);
        if (NumericOrderShown(text) is { } shown)
            return Pick(shown, "another numeric date in the text", out reason);

        var sameDay = others.Where(o => !o.Ambiguous).Select(o => o.Date).ToHashSet();
        bool OnDay(DateOnly d) => sameDay.Contains(d);
        if (Decide(OnDay(monthFirst), OnDay(dayFirst)) is { } byName)
            return Pick(byName, "the same day written out in the text", out reason);

        if (Locale(evidence.Lang, evidence.Url) is { } byLocale)
            return Pick(byLocale, "the outlet's country", out reason);

        reason = "default: month first";
        return monthFirst;

        DateOnly Pick(bool isMonthFirst, string why, out string r)
        {
            r = why;
            return isMonthFirst ? monthFirst : dayFirst;
        }
    }

    /// <summary>True for month first, false for day first, null when both or neither reading has the evidence.</summary>
    private static bool? Decide(bool monthFirst, bool dayFirst) => monthFirst == dayFirst ? null : monthFirst;

    private static HashSet<DayOfWeek> WeekdaysNamed(string text)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (Match m in Weekday().Matches(text))
        {
            if (MonthNames.Weekday(m.Value) is { } d)
                days.Add(d);
        }
        return days;
    }

    /// <summary>Month first (true) or day first (false) when the text's slash or dash dates that read one way only all agree.</summary>
    private static bool? NumericOrderShown(string text)
    {
        bool? shown = null;
        foreach (Match m in NumericDate().Matches(text))
        {
            var a = int.Parse(m.Groups["a"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            var b = int.Parse(m.Groups["b"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            bool? order = a > 12 && b <= 12 ? false : b > 12 && a <= 12 ? true : null;
            if (order is null)
                continue;
            if (shown is not null && shown != order)
                return null;
            shown = order;
        }
        return shown;
    }

    /// <summary>Month first for US English, day first for other locales and country domains; null when nothing is known.</summary>
    public static bool? Locale(string? lang, string? url)
    {
        if (!string.IsNullOrWhiteSpace(lang))
        {
            var parts = lang.Trim().Replace('_', '-').Split('-');
            var language = parts[0].ToLowerInvariant();
            if (language != "en")
                return false;
            if (parts.Length > 1)
                return parts[1].Equals("us", StringComparison.OrdinalIgnoreCase) ? true : false;
        }
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var tld = uri.Host[(uri.Host.LastIndexOf('.') + 1)..].ToLowerInvariant();
            if (tld.Length == 2)
                return tld == "us";
        }
        return null;
    }

    [GeneratedRegex(@"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"(?<![\d/.\-])(?<a>\d{1,2})[/\-](?<b>\d{1,2})[/\-](?:\d{4}|\d{2})(?![\d/\-])", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();
}
