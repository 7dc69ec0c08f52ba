using System.Globalization;
using System.Text.RegularExpressions;

namespace ClassifyPipeline.Metadata;

/// <summary>
/// The date in a URL's path, as news sites put it there: <c>/2020/01/18/</c>, <c>/2020-01-18/</c>, <c>/20200118/</c>,
/// <c>/2020/jan/18/</c>, <c>-2020-01-18-slug</c>, and <c>?a=20200118-…</c> in the query. A path with a year and month but no day (<c>/2020/01/slug</c>) gives
/// no day: <see cref="Day"/> stays null rather than becoming the first of the month, and <see cref="Month"/> says which
/// month, so that a date found elsewhere on the page can be checked against it.
/// </summary>
public sealed partial record UrlDate(DateOnly? Day, (int Year, int Month)? Month)
{
    public static UrlDate? Of(string? url)
    {
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return null;
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        var m = FullDate().Match(path);
        if (!m.Success)
            m = Compact().Match(path);
        if (!m.Success && uri.Query.Length > 1)
            m = Compact().Match(Uri.UnescapeDataString(uri.Query));
        if (m.Success)
        {
            var month = MonthOf(m.Groups["m"].Value);
            var year = Int(m.Groups["y"].Value);
            var day = Int(m.Groups["d"].Value);
            if (month > 0 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
                return new UrlDate(new DateOnly(year, month, day), (year, month));
        }
        m = YearMonth().Match(path);
        if (m.Success && MonthOf(m.Groups["m"].Value) is var mo and > 0)
            return new UrlDate(null, (Int(m.Groups["y"].Value), mo));
        return null;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int MonthOf(string s) =>
        s.All(char.IsAsciiDigit) ? (Int(s) is var n and >= 1 and <= 12 ? n : 0) : MonthNames.Month(s);

    private const string Year = @"(?<y>(?:199|20[0-9])\d)";
    private const string MonthNumber = @"(?<m>0?[1-9]|1[0-2]|[a-z]{3,9})";

    [GeneratedRegex(@"(?:^|[/_\-.])" + Year + @"(?<sep>[/_\-])" + MonthNumber + @"\k<sep>(?<d>0?[1-9]|[12]\d|3[01])(?:$|[/_\-.])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FullDate();

    [GeneratedRegex(@"(?:^|[/_\-.=?])" + Year + @"(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\d|3[01])(?:$|[/_\-.&])", RegexOptions.CultureInvariant)]
    private static partial Regex Compact();

    [GeneratedRegex(@"/" + Year + @"/" + MonthNumber + @"(?:/|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearMonth();
}
