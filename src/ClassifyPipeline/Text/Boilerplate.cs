using System.Text.RegularExpressions;

namespace ClassifyPipeline.Text;

/// <summary>
/// Recognizes site chrome that is not the article, in two kinds. Interface chrome ("Advertisement", "Share this
/// story", "Comments 3", "Follow us on …") is never article text, wherever it stands. Page furniture (section labels,
/// breadcrumbs, "Upcoming Events", "Read more: …", link lines, bylines on their own line) looks like chrome only at the
/// edges of the text: in the middle of an article a line like that is content (a list of links, a credit), so the
/// cleaner drops it only before the first paragraph or after the last (<see cref="IsEdgeChrome"/>). Copyright and
/// credit lines are the article's and are never dropped. A publisher footer begins at a line of its own kind.
/// </summary>
public sealed class Boilerplate
{
    // NonBacktracking: matching time is linear in the line length whatever the pattern, user patterns included.
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    /// <summary>Whole-line patterns for interface chrome, dropped wherever it stands.</summary>
    public static readonly IReadOnlyList<string> DefaultLinePatterns =
    [
        @"comments?\s*[:(]?\s*\d*\s*\)?",
        @"(\d+\s+)?comments?",
        @"advertisement|sponsored( content)?|skip to (main )?content",
        @"(share|tweet|email|print)( this( article| story| page)?)?( on \w+)?",
        @"(follow|like) us on .{0,60}",
        @"sign up .{0,80}newsletter.{0,40}",
    ];

    /// <summary>Whole-line patterns for page furniture, dropped only at the edges of the text.</summary>
    public static readonly IReadOnlyList<string> DefaultEdgePatterns =
    [
        @"upcoming events",
        @"(you are here|beat|section|filed under|tags?|topics?)\s*:.*",
        @"home\s*(collections?|news)?",
        @"(related|recommended|more) (articles|stories|content|news)",
        @"read more:?.{0,80}",
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

    /// <summary>Furniture recognized by capital letters, so matched case-sensitively (edges only): bylines, "Los Angeles Times Articles", section labels in capitals ("WORLD NEWS").</summary>
    public static readonly IReadOnlyList<string> DefaultCaseSensitivePatterns =
    [
        @"[Bb]y\s+\p{Lu}[\p{L}.'\-]*(?:[\s,]+(?:and\s+)?\p{Lu}[\p{L}.'\-]*){0,8}",
        @"\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,5}\s+Articles",
        @"\p{Lu}{2,}(?:\s+(?:&\s+)?\p{Lu}{2,}){0,2}",
    ];

    private readonly Regex _line;
    private readonly Regex _edge;
    private readonly Regex _capitalized;
    private readonly Regex _footer;

    /// <param name="extraLinePatterns">The user's chrome patterns (<c>clean.boilerplatePatterns</c>): dropped wherever they stand.</param>
    public Boilerplate(IEnumerable<string> extraLinePatterns, IEnumerable<string> extraFooterPatterns)
    {
        _line = WholeLine(DefaultLinePatterns.Concat(extraLinePatterns), Options);
        _edge = WholeLine(DefaultEdgePatterns, Options);
        _capitalized = WholeLine(DefaultCaseSensitivePatterns, Options & ~RegexOptions.IgnoreCase);
        _footer = WholeLine(DefaultFooterPatterns.Concat(extraFooterPatterns), Options);
    }

    /// <summary>Interface chrome: never article text.</summary>
    public bool IsChrome(string line) => _line.IsMatch(line);

    /// <summary>Chrome at the edges of a text: interface chrome or page furniture.</summary>
    public bool IsEdgeChrome(string line) => _line.IsMatch(line) || _edge.IsMatch(line) || _capitalized.IsMatch(line);

    public bool StartsFooter(string line) => _footer.IsMatch(line);

    private static Regex WholeLine(IEnumerable<string> patterns, RegexOptions options) =>
        new("^(?:" + string.Join('|', patterns.Select(p => "(?:" + p + ")")) + @")[\s.!]*$", options);
}
