using System.Text.RegularExpressions;
using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Metadata;

/// <summary>
/// Reads what the lines of a plain-text article say about it, before the Clean stage drops them as chrome. Looks at
/// the first <see cref="HeadLines"/> and last <see cref="TailLines"/> lines for lines that are metadata as a whole:
/// <list type="bullet">
/// <item>"Published on 05/09/2013", "Posted: …", "Updated 3:04 PM ET Jan. 18, 2020" (published and modified kept apart);</item>
/// <item>bylines, with a date and an outlet or not: "May 07, 2013|By Sergei L. Loiko and Paul Richter, Los Angeles Times";</item>
/// <item>datelines: a date alone, or after a place ("LAUSANNE, SWITZERLAND, 15.10.2016, 03:01 Time");</item>
/// <item>print-edition lines ending in a date: "Front Section, Pages 5 on 02/02/2014".</item>
/// </list>
/// The published date is taken from the first of these kinds that has one, in that order. The outlet comes from a
/// byline, else a wire credit at the start of the first paragraphs ("USPA NEWS - …", "WASHINGTON (Reuters) - …"),
/// else a copyright line at the end ("© 2016 Reuters"). Copyright and credit lines stay in the text; the others are
/// returned as metadata lines for the cleaner to drop. Two-digit years are read in these lines only.
/// </summary>
public sealed partial class TextMetadataReader
{
    public const int HeadLines = 15;
    public const int TailLines = 6;
    private const int LongestMetadataLine = 200;

    private readonly DatePlausibility _plausible;
    private readonly int _referenceYear;

    public TextMetadataReader(DateTimeOffset reference)
    {
        _plausible = new DatePlausibility(reference);
        _referenceYear = reference.UtcDateTime.Year;
    }

    /// <param name="lines">The article's lines, white space already collapsed.</param>
    /// <param name="lang">The article's language, when known (evidence for ambiguous numeric dates).</param>
    /// <param name="url">The article's URL, when known (the same).</param>
    public TextMetadata Read(IReadOnlyList<string> lines, string? lang = null, string? url = null)
    {
        // the text is joined only if an ambiguous date needs it as evidence
        var evidence = new Lazy<NumericDateOrder.Evidence>(() => new NumericDateOrder.Evidence(string.Join('\n', lines.Take(400)), lang, url), LazyThreadSafetyMode.None);
        var consumed = new SortedSet<int>();
        PublishedTime? keyword = null, byline = null, dateline = null, print = null, modified = null;
        string? author = null, outlet = null;
        foreach (var i in Candidates(lines.Count))
        {
            var line = lines[i];
            if (line.Length > LongestMetadataLine)
                continue;
            if (KeywordLine(line, evidence) is { } dated)
            {
                keyword ??= dated.Published;
                modified ??= dated.Modified;
                consumed.Add(i);
            }
            else if (BylineStart().Match(line) is { Success: true } by && WordCount(line) <= 25)
            {
                var segment = line[by.Groups["by"].Index..];
                var end = segment.IndexOf('|', 3);
                var names = Bylines.Read(end < 0 ? segment : segment[..end]);
                if (names.Authors is null && names.Outlet is null)
                    continue;
                author ??= names.Authors;
                outlet ??= names.Outlet;
                byline ??= FirstDate(line[..by.Groups["by"].Index] + " " + (end < 0 ? "" : segment[end..]), evidence);
                consumed.Add(i);
            }
            else if (Dateline(line, evidence) is { } date)
            {
                dateline ??= date;
                consumed.Add(i);
            }
            else if (line.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && PrintLine().Match(line) is { Success: true } printed && FirstDate(printed.Groups["date"].Value, evidence) is { } edition)
            {
                print ??= edition;
                consumed.Add(i);
            }
        }
        outlet ??= WireCredit(lines, consumed) ?? CopyrightOwner(lines);
        return new TextMetadata(keyword ?? byline ?? dateline ?? print, modified, author, outlet, consumed);
    }

    private static IEnumerable<int> Candidates(int count)
    {
        var head = Math.Min(count, HeadLines);
        for (var i = 0; i < head; i++)
            yield return i;
        for (var i = Math.Max(head, count - TailLines); i < count; i++)
            yield return i;
    }

    /// <summary>A line made of "Published …"/"Updated …" and dates only; each date goes to the keyword before it.</summary>
    private (PublishedTime? Published, PublishedTime? Modified)? KeywordLine(string line, Lazy<NumericDateOrder.Evidence> evidence)
    {
        if (!KeywordStart().IsMatch(line))
            return null;
        var dates = DateFinder.FindAll(line, twoDigitYears: true, _referenceYear);
        if (dates.Count == 0)
            return null;
        PublishedTime? published = null, modified = null;
        var residue = line;
        foreach (var match in dates.AsEnumerable().Reverse())
        {
            var before = line[..match.Index];
            var keywords = Keyword().Matches(before);
            var isModified = keywords.Count > 0 && IsModifiedKeyword(keywords[^1].Value);
            if (Plausible(match, evidence) is { } time)
            {
                if (isModified)
                    modified = time;
                else
                    published = time;
            }
            residue = residue.Remove(match.Index, match.Length);
        }
        residue = Keyword().Replace(residue, " ");
        return WordCount(residue) <= 3 && (published is not null || modified is not null) ? (published, modified) : null;
    }

    /// <summary>A line that is a date, alone or after a place and before at most two words ("Time", "GMT").</summary>
    private PublishedTime? Dateline(string line, Lazy<NumericDateOrder.Evidence> evidence)
    {
        if (line.Length > 100)
            return null;
        var dates = DateFinder.FindAll(line, twoDigitYears: true, _referenceYear);
        if (dates.Count != 1)
            return null;
        var match = dates[0];
        var prefix = line[..match.Index];
        var suffix = line[(match.Index + match.Length)..];
        if (prefix.Trim().Length > 0 && !PlacePrefix().IsMatch(prefix))
            return null;
        if (WordCount(suffix) > 2 || suffix.IndexOfAny(['.', '!', '?']) >= 0)
            return null;
        return Plausible(match, evidence);
    }

    private PublishedTime? FirstDate(string text, Lazy<NumericDateOrder.Evidence> evidence)
    {
        foreach (var match in DateFinder.FindAll(text, twoDigitYears: true, _referenceYear))
        {
            if (Plausible(match, evidence) is { } time)
                return time;
        }
        return null;
    }

    /// <summary>The match read by the evidence, when plausible; when only one reading of an ambiguous date is plausible, that one.</summary>
    private PublishedTime? Plausible(DateMatch match, Lazy<NumericDateOrder.Evidence> evidence)
    {
        if (match.Alternative is { } alternative)
        {
            var first = _plausible.Accepts(match.ToPublishedTime(match.Date), !match.TwoDigitYear);
            var second = _plausible.Accepts(match.ToPublishedTime(alternative), !match.TwoDigitYear);
            if (first != second)
                return match.ToPublishedTime(first ? match.Date : alternative);
            if (!first)
                return null;
            return match.ToPublishedTime(NumericDateOrder.Resolve(match, evidence.Value));
        }
        return _plausible.Accepts(match) ? match.ToPublishedTime() : null;
    }

    /// <summary>The agency credited at the start of one of the first paragraphs (lines of 12 words or more).</summary>
    private static string? WireCredit(IReadOnlyList<string> lines, IReadOnlySet<int> consumed)
    {
        var seen = 0;
        for (var i = 0; i < lines.Count && i < HeadLines + 5 && seen < 3; i++)
        {
            if (consumed.Contains(i) || WordCount(lines[i]) < 12)
                continue;
            seen++;
            if (Agencies.CreditAtStart(lines[i]) is { } agency)
                return agency;
        }
        return null;
    }

    private static string? CopyrightOwner(IReadOnlyList<string> lines)
    {
        for (var i = lines.Count - 1; i >= 0 && i >= lines.Count - TailLines; i--)
        {
            var m = Copyright().Match(lines[i]);
            if (m.Success && m.Groups["owner"].Value.Trim() is { Length: >= 2 } owner && !owner.Contains("rights", StringComparison.OrdinalIgnoreCase))
                return owner;
        }
        return null;
    }

    private static bool IsModifiedKeyword(string keyword) =>
        keyword.Contains("updat", StringComparison.OrdinalIgnoreCase) || keyword.Contains("modif", StringComparison.OrdinalIgnoreCase)
        || keyword.Contains("aktualisiert", StringComparison.OrdinalIgnoreCase) || keyword.Contains("mis à jour", StringComparison.OrdinalIgnoreCase)
        || keyword.Contains("actualizado", StringComparison.OrdinalIgnoreCase);

    private static int WordCount(string text) => Word().Count(text);

    private const string Keywords = @"(?:first\s+)?published|posted|publication\s+date|date|dated|(?:last\s+)?updated|(?:last\s+)?modified|veröffentlicht|aktualisiert|publié|mis\s+à\s+jour|publicado|actualizado";

    [GeneratedRegex(@"^\W{0,3}(?:" + Keywords + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeywordStart();

    [GeneratedRegex(@"\b(?:" + Keywords + @")\b(?:\s+(?:on|at|am|le|el))?\s*:?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();

    [GeneratedRegex(@"(?:^|\|\s*|[·•]\s*)(?<by>By|BY)\s+\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex BylineStart();

    [GeneratedRegex(@"^\s*(?:\p{Lu}[\p{L}.'’\-]*(?:\s+[\p{L}.'’\-]+){0,3}\s*,\s*){1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlacePrefix();

    [GeneratedRegex(@"^.{0,80}\b(?:section|page|pages|edition|print)\b.{0,40}?\bon\s+(?<date>[\d/.\-]{6,10}|\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}+\.?\s+\d{4})\s*\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrintLine();

    [GeneratedRegex(@"^\s*(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?<owner>[^.|]{2,60}?)\.?\s*(?:all rights reserved\.?)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Copyright();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
