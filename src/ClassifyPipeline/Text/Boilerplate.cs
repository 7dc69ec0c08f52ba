using System.Text.RegularExpressions;

namespace ClassifyPipeline.Text;

/// <summary>
/// Recognizes site chrome that is not the article: navigation banners, comment counters, event
/// boxes, bylines on their own line, and where a publisher footer begins.
/// </summary>
public sealed class Boilerplate
{
    // NonBacktracking: matching time is linear in the line length whatever the pattern, user patterns included.
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    /// <summary>Whole-line patterns for chrome lines (the seeds show most of them).</summary>
    public static readonly IReadOnlyList<string> DefaultLinePatterns =
    [
        @"comments?\s*[:(]?\s*\d*\s*\)?",
        @"(\d+\s+)?comments?",
        @"upcoming events",
        @"(you are here|beat|section|filed under|tags?|topics?)\s*:.*",
        @"home\s*(collections?|news)?",
        @"advertisement|sponsored( content)?|skip to (main )?content",
        @"(share|tweet|email|print)( this( article| story)?)?( on \w+)?",
        @"(follow|like) us on .{0,60}",
        @"(related|recommended|more) (articles|stories|content|news)",
        @"read more:?.{0,80}",
        @"sign up .{0,80}newsletter.{0,40}",
        @"(all rights reserved|copyright\b|©).{0,200}",
        @"published( on)?:?\s*[\d/.:\- ]+",
        @"(posted|updated|last updated)( on)?:?\s*.{0,40}\d{4}.{0,20}",
        @"front section, pages? .{0,40}",
        @".{0,40}\|\s*by\s+.{0,150}",
        @"<?https?://\S+>?",
    ];

    /// <summary>Patterns for the first line of a publisher footer: it and all after it are dropped.</summary>
    public static readonly IReadOnlyList<string> DefaultFooterPatterns =
    [
        @"article online:?",
        @"editorial office( and responsibility)?:?",
        @"exemption from liability:?",
        @"about (the|this) (author|publisher):?",
    ];

    /// <summary>Chrome lines recognized by capital letters, so matched case-sensitively: bylines, "Los Angeles Times Articles".</summary>
    public static readonly IReadOnlyList<string> DefaultCaseSensitivePatterns =
    [
        @"[Bb]y\s+\p{Lu}[\p{L}.'\-]*(?:[\s,]+(?:and\s+)?\p{Lu}[\p{L}.'\-]*){0,8}",
        @"\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,5}\s+Articles",
    ];

    private readonly Regex _line;
    private readonly Regex _capitalized;
    private readonly Regex _footer;

    public Boilerplate(IEnumerable<string> extraLinePatterns, IEnumerable<string> extraFooterPatterns)
    {
        _line = WholeLine(DefaultLinePatterns.Concat(extraLinePatterns), Options);
        _capitalized = WholeLine(DefaultCaseSensitivePatterns, Options & ~RegexOptions.IgnoreCase);
        _footer = WholeLine(DefaultFooterPatterns.Concat(extraFooterPatterns), Options);
    }

    public bool IsChrome(string line) => _line.IsMatch(line) || _capitalized.IsMatch(line);

    public bool StartsFooter(string line) => _footer.IsMatch(line);

    private static Regex WholeLine(IEnumerable<string> patterns, RegexOptions options) =>
        new("^(?:" + string.Join('|', patterns.Select(p => "(?:" + p + ")")) + @")[\s.!]*$", options);
}
