namespace ClassifyPipeline.Metadata;

/// <summary>
/// Month and weekday names as dates are written in news pages: English, German, French, Spanish, Italian,
/// Portuguese, Dutch, and the genitive forms of Czech, Polish and Russian; full names and the usual abbreviations.
/// </summary>
public static class MonthNames
{
    private static readonly string[][] ByMonth =
    [
        ["january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari", "ledna", "stycznia", "января"],
        ["february", "feb", "febr", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro", "fev", "februari", "února", "lutego", "февраля"],
        ["march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart", "mrt", "března", "marca", "марта"],
        ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "dubna", "kwietnia", "апреля"],
        ["may", "mai", "mayo", "maggio", "mag", "maio", "mei", "května", "maja", "мая"],
        ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "června", "czerwca", "июня"],
        ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "července", "lipca", "июля"],
        ["august", "aug", "août", "aout", "agosto", "ago", "augustus", "srpna", "sierpnia", "августа"],
        ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro", "září", "września", "сентября"],
        ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out", "října", "października", "октября"],
        ["november", "nov", "novembre", "noviembre", "novembro", "listopadu", "listopada", "ноября"],
        ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "prosince", "grudnia", "декабря"],
    ];

    private static readonly Dictionary<string, int> Lookup = Build();

    /// <summary>Every name, longest first, as a regular-expression alternation (for case-insensitive matching).</summary>
    public static readonly string Pattern = string.Join('|', Lookup.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal));

    /// <summary>English weekday names and their usual abbreviations, as an alternation.</summary>
    public const string WeekdayPattern = "monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thu|friday|fri|saturday|sat|sunday|sun";

    /// <summary>The month (1–12) a name stands for, case and a trailing period ignored; 0 when it names none.</summary>
    public static int Month(ReadOnlySpan<char> name)
    {
        var key = name.Trim().TrimEnd('.').ToString().ToLowerInvariant();
        return Lookup.GetValueOrDefault(key);
    }

    /// <summary>The weekday an English name or abbreviation stands for.</summary>
    public static DayOfWeek? Weekday(ReadOnlySpan<char> name)
    {
        var key = name.Trim().TrimEnd('.').ToString().ToLowerInvariant();
        if (key.Length < 3)
            return null;
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var full = day.ToString().ToLowerInvariant();
            if (full.StartsWith(key, StringComparison.Ordinal))
                return day;
        }
        return null;
    }

    private static Dictionary<string, int> Build()
    {
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 0; m < ByMonth.Length; m++)
        {
            foreach (var name in ByMonth[m])
                lookup.TryAdd(name, m + 1);
        }
        return lookup;
    }
}
