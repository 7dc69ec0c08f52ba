using System.Text.RegularExpressions;

namespace ClassifyPipeline.Metadata;

/// <summary>
/// Reads a byline into author names and, when it names one, the outlet: "By Sergei L. Loiko and Paul Richter, Los
/// Angeles Times" gives the authors <c>Sergei L. Loiko, Paul Richter</c> (names in the order written, joined by ", ")
/// and the outlet <c>Los Angeles Times</c>. A part is the outlet when it has a newspaper word (Times, Post, News,
/// Press, Journal…) or is a known agency; roles ("Staff Writer", "Correspondent"), dates, e-mail addresses, links
/// and handles are left out.
/// </summary>
public static partial class Bylines
{
    private static readonly HashSet<string> OutletWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "times", "post", "news", "press", "journal", "herald", "tribune", "guardian", "agency", "agence", "daily", "telegraph",
        "gazette", "chronicle", "magazine", "review", "monitor", "observer", "independent", "express", "mail", "globe", "wire",
        "today", "insider", "register", "standard", "courier", "inquirer", "mirror", "examiner", "bulletin", "dispatch", "radio",
        "television", "network", "media", "weekly", "sentinel", "record", "democrat", "enquirer", "ledger", "advocate",
        "newsweek", "online", "zeitung", "presse", "nachrichten", "journal", "noticias", "notizie", "nouvelles", "tv", "fm",
    };

    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "staff", "writer", "writers", "correspondent", "correspondents", "reporter", "reporters", "editor", "editors", "contributor",
        "contributing", "columnist", "senior", "chief", "special", "bureau", "photographer", "photos", "photo", "analyst", "author",
        "guest", "freelance", "producer", "host", "updated", "published", "posted",
    };

    /// <summary>The author names of a byline joined by ", ", or null when it names nobody.</summary>
    public static string? Authors(string? byline) => Read(byline).Authors;

    /// <summary>The author names and the outlet a byline names (each null when absent).</summary>
    public static (string? Authors, string? Outlet) Read(string? byline)
    {
        if (string.IsNullOrWhiteSpace(byline))
            return (null, null);
        var text = Prefix().Replace(byline.Trim(), "");
        // a date or time written after the names ends them ("Jane Doe 22 Dec 2016", "Jane Doe | Updated 3:04 PM")
        if (DateFinder.First(text) is { } date)
            text = text[..date.Index];
        text = Trailer().Replace(text, "");
        var names = new List<string>();
        string? outlet = null;
        foreach (var raw in Separator().Split(text))
        {
            var part = raw.Trim().Trim('.', ':', '-', '–', '—', '·', '•', ' ');
            if (part.Length == 0 || part.Contains('@') || part.Contains("://", StringComparison.Ordinal) || part.Any(char.IsDigit))
                continue;
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (Agencies.Canonical(part) is { } agency)
            {
                outlet ??= agency;
                continue;
            }
            if (words.Any(w => OutletWords.Contains(w.Trim('.', ',', '\''))) || part.StartsWith("The ", StringComparison.Ordinal))
            {
                outlet ??= part;
                continue;
            }
            if (words.Any(w => RoleWords.Contains(w)) || words.Length > 5 || !char.IsLetter(part[0]))
                continue;
            if (!words.Any(w => char.IsUpper(w[0])))
                continue;
            if (!names.Contains(part, StringComparer.Ordinal))
                names.Add(part);
        }
        return (names.Count == 0 ? null : string.Join(", ", names), outlet);
    }

    [GeneratedRegex(@"^(?:(?:written|posted|words|reporting|text|story|photos?)\s+by|by|par|von|por|door|autor(?:in)?|author|text)\s*[:\-]?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"\s*(?:\b(?:updated|published|posted|last modified|modified)\b.*|\b(?:on|am|le|el|il)\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Trailer();

    [GeneratedRegex(@"\s*(?:,|;|\||\s&\s|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\n|\s[·•]\s|\s[–—]\s)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
