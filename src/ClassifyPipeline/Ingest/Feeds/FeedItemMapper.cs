using System.Xml.Linq;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Metadata;
using static ClassifyPipeline.Ingest.FeedNamespaces;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Maps one item of a <see cref="FeedDocument"/> to an article, reading every form feedparser's corpus has:
/// <list type="bullet">
/// <item>id: <c>guid</c> / Atom <c>id</c>, else the RDF item's <c>rdf:about</c>, else the URL, else a content hash.</item>
/// <item>url: <c>link</c> (RSS text, Atom <c>href</c> of the alternate link, <c>atom:link</c> in RSS), else a
/// <c>guid</c> that is a permalink (<c>isPermaLink</c> absent or true), else <c>rdf:about</c>; resolved against
/// <c>xml:base</c> (nested bases compose), else against the channel's link; kept only when http(s).</item>
/// <item>title and text: see <see cref="FeedText"/>; the text is the first non-empty of <c>content:encoded</c>,
/// <c>xhtml:body</c>, <c>body</c>, Atom <c>content</c>, <c>description</c>, Atom <c>summary</c>, <c>dc:description</c>.</item>
/// <item>published: <c>pubDate</c>, Atom <c>published</c>, Atom 0.3 <c>issued</c>/<c>created</c>,
/// <c>dcterms:issued</c>/<c>created</c>, <c>dc:date</c>; modified: Atom <c>updated</c>, Atom 0.3 <c>modified</c>,
/// <c>dcterms:modified</c>. An item that states only when it was modified is dated by that (it is the best
/// statement of when it appeared), and keeps it as modified too.</item>
/// <item>author: <c>author</c> (RSS "email (Name)" forms reduced to the name; Atom <c>name</c>), <c>dc:creator</c>;
/// else the channel's or feed's author (Atom says an entry inherits it). A channel's <c>managingEditor</c> or
/// <c>webMaster</c> is an editor, not the items' author, and is not used.</item>
/// <item>lang: the item's <c>dc:language</c>/<c>language</c>, else the item's <c>xml:lang</c>, else the channel's
/// <c>language</c>/<c>dc:language</c>, else <c>xml:lang</c> in scope.</item>
/// <item>source (the outlet): the item's own <c>source</c> (aggregators name the original outlet there), else the
/// channel or feed title. Never the file name.</item>
/// </list>
/// </summary>
public sealed partial class FeedItemMapper
{
    private static readonly XName XmlBase = XNamespace.Xml + "base";
    private static readonly XName XmlLang = XNamespace.Xml + "lang";

    private readonly FeedDocument _feed;
    private readonly int _maxItemChars;
    private readonly DatePlausibility _plausible;
    private readonly FeedText _text = new();
    private readonly string? _channelTitle;
    private readonly Uri? _channelLink;
    private readonly string? _channelLang;
    private readonly string? _channelAuthor;

    public FeedItemMapper(FeedDocument feed, int maxItemChars, DatePlausibility plausible)
    {
        _feed = feed;
        _maxItemChars = maxItemChars;
        _plausible = plausible;
        var channel = feed.Channel;
        _channelTitle = Title(channel);
        var link = channel is null ? null : Links(channel).Select(l => Resolve(l.Href, l.At, null)).FirstOrDefault(u => u is not null);
        _channelLink = link is null ? null : new Uri(link);
        _channelLang = LanguageTags.Normalize(Value(feed.Child(channel, "language") ?? FeedDocument.Child(channel, Dc, "language")));
        _channelAuthor = Authors(channel);
    }

    /// <summary>The article (or why the item is not one), and a note on unreadable dates, if any.</summary>
    public (ReadItem Item, string? Note) Map(XElement item, string path, string location)
    {
        var rawTitle = TitleElement(item);
        var title = rawTitle is null ? null : NullIfEmpty(Line(rawTitle.Value));
        var body = "";
        foreach (var candidate in BodyCandidates(item))
        {
            var size = candidate.Raw.Length + (rawTitle?.Raw.Length ?? 0);
            if (size > _maxItemChars)
                return (ReadItem.Rejected(path, location, $"item of {size:N0} characters is over ingest.maxItemChars ({_maxItemChars:N0})"), null);
            body = _text.ToText(candidate);
            if (body.Length > 0)
                break;
        }
        if (body.Length == 0)
            return (ReadItem.Rejected(path, location, "no article text: the item has no content, description or summary"), null);

        var (published, modified, note) = Dates(item);
        var url = ItemUrl(item);
        var id = NullIfEmpty(Value(_feed.Child(item, "guid") ?? _feed.Child(item, "id")))
            ?? NullIfEmpty(((string?)item.Attribute(XName.Get("about", Rdf)))?.Trim())
            ?? url
            ?? ArticleIds.FromContent(title, body);
        var article = new Article(id, SourceOf(item) ?? _channelTitle, url, title, body, published)
        {
            Author = Authors(item) ?? _channelAuthor,
            Lang = ItemLang(item),
            Modified = modified,
            Input = new InputPosition(path, location),
        };
        return (ReadItem.Of(article), note);
    }

    private FeedContent? TitleElement(XElement? parent)
    {
        if (_feed.Child(parent, "title") is { } title)
            return _feed.IsAtom ? FeedText.Atom(title) : FeedText.Rss(title);
        return FeedDocument.Child(parent, Dc, "title") is { } dc ? FeedText.Rss(dc) : null;
    }

    private string? Title(XElement? parent) => TitleElement(parent) is { } t ? NullIfEmpty(Line(t)) : null;

    private string Line(FeedContent content) => _text.ToLine(content);

    private IEnumerable<FeedContent> BodyCandidates(XElement item)
    {
        IEnumerable<FeedContent?> all =
        [
            FeedDocument.Child(item, Content, "encoded") is { } encoded ? FeedText.Rss(encoded) : null,
            FeedDocument.Child(item, Xhtml, "body") is { } xhtml ? FeedText.Rss(xhtml) : null,
            _feed.Child(item, "body") is { } body ? FeedText.Rss(body) : null,
            Construct(_feed.Child(item, "content") ?? FeedDocument.Child(item, Atom10, "content")),
            _feed.Child(item, "description") is { } description ? FeedText.Rss(description) : null,
            Construct(_feed.Child(item, "summary") ?? FeedDocument.Child(item, Atom10, "summary")),
            FeedDocument.Child(item, Dc, "description") is { } dc ? FeedText.Rss(dc) : null,
        ];
        return all.Where(c => c is { } v && !string.IsNullOrWhiteSpace(v.Raw)).Select(c => c!.Value);
    }

    private static FeedContent? Construct(XElement? element) => element is null ? null : FeedText.Atom(element);

    private (PublishedTime? Published, PublishedTime? Modified, string? Note) Dates(XElement item)
    {
        XElement?[] publishedFields =
        [
            _feed.Child(item, "pubDate"), _feed.Child(item, "published"), _feed.Child(item, "issued"), _feed.Child(item, "created"),
            FeedDocument.Child(item, Atom10, "published"), FeedDocument.Child(item, Dcterms, "issued"),
            FeedDocument.Child(item, Dcterms, "created"), FeedDocument.Child(item, Dc, "date"),
        ];
        XElement?[] modifiedFields =
        [
            _feed.Child(item, "updated"), _feed.Child(item, "modified"), FeedDocument.Child(item, Atom10, "updated"),
            FeedDocument.Child(item, Dcterms, "modified"),
        ];
        var (published, badPublished) = FirstDate(publishedFields);
        var (modified, badModified) = FirstDate(modifiedFields);
        string? note = null;
        if (published is null && badPublished is not null)
        {
            note = modified is null
                ? $"{badPublished}: the item is kept without a published time"
                : $"{badPublished}: the item is dated by its modified time";
        }
        else if (modified is null && badModified is not null)
        {
            note = $"{badModified} (modified): ignored";
        }
        return (published ?? modified, modified, note);
    }

    /// <summary>The first field that reads as a plausible date, and why the first other one was not (when none was).</summary>
    private (PublishedTime? Value, string? Bad) FirstDate(IEnumerable<XElement?> fields)
    {
        string? bad = null;
        foreach (var field in fields)
        {
            var text = Value(field);
            if (string.IsNullOrWhiteSpace(text))
                continue;
            if (!FeedDates.TryParse(text, out var value))
                bad ??= $"unreadable date '{RecordFields.Truncate(text)}'";
            else if (!_plausible.Accepts(value))
                bad ??= $"implausible date '{RecordFields.Truncate(text)}' (after the run's day or before {DatePlausibility.MinimumYear}, or a placeholder)";
            else
                return (value, null);
        }
        return (null, bad);
    }

    private string? ItemUrl(XElement item)
    {
        foreach (var (href, at) in Links(item))
        {
            if (Resolve(href, at, _channelLink) is { } url)
                return url;
        }
        if (_feed.Child(item, "guid") is { } guid && !"false".Equals(((string?)guid.Attribute("isPermaLink"))?.Trim(), StringComparison.OrdinalIgnoreCase)
            && Resolve(guid.Value, guid, null, allowRelative: false) is { } permalink)
            return permalink;
        return item.Attribute(XName.Get("about", Rdf)) is { } about ? Resolve(about.Value, item, null, allowRelative: false) : null;
    }

    /// <summary>The alternate links of an item or channel: RSS <c>link</c> text, Atom <c>link</c> hrefs (rel alternate or none), <c>atom:link</c> in RSS.</summary>
    private IEnumerable<(string Href, XElement At)> Links(XElement parent)
    {
        foreach (var link in _feed.Children(parent, "link").Concat(_feed.IsAtom ? [] : FeedDocument.Children(parent, Atom10, "link")))
        {
            var rel = ((string?)link.Attribute("rel"))?.Trim();
            if (rel is not (null or "" or "alternate"))
                continue;
            var href = (string?)link.Attribute("href") ?? (link.Name.NamespaceName == Atom10 || _feed.IsAtom ? null : link.Value);
            if (!string.IsNullOrWhiteSpace(href))
                yield return (href.Trim(), link);
        }
    }

    /// <summary>
    /// An absolute http(s) URL from <paramref name="href"/>: as it is when absolute, else resolved against the
    /// xml:base in scope at <paramref name="at"/>, else against <paramref name="fallback"/>; null otherwise, or when
    /// <paramref name="fallback"/> is null and no base applies.
    /// </summary>
    private static string? Resolve(string href, XElement at, Uri? fallback, bool allowRelative = true)
    {
        href = href.Trim();
        // on Unix "/path" parses as an absolute file URI: a path is relative here
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme != Uri.UriSchemeFile)
            return IsHttp(absolute) ? absolute.AbsoluteUri : null;
        if (!allowRelative)
            return null;
        var baseUri = Base(at) ?? fallback;
        return baseUri is not null && Uri.TryCreate(baseUri, href, out var resolved) && IsHttp(resolved) ? resolved.AbsoluteUri : null;
    }

    /// <summary>The absolute base in scope at <paramref name="element"/>: its and its ancestors' xml:base, composed outermost first.</summary>
    private static Uri? Base(XElement element)
    {
        Uri? result = null;
        foreach (var e in element.AncestorsAndSelf().Reverse())
        {
            var value = ((string?)e.Attribute(XmlBase))?.Trim();
            if (string.IsNullOrEmpty(value))
                continue;
            if (Uri.TryCreate(value, UriKind.Absolute, out var absolute) && absolute.Scheme != Uri.UriSchemeFile)
                result = absolute;
            else if (result is not null && Uri.TryCreate(result, value, out var relative))
                result = relative;
        }
        return result;
    }

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    private string? SourceOf(XElement item)
    {
        if (_feed.Child(item, "source") is not { } source)
            return null;
        return _feed.IsAtom ? Title(source) : NullIfEmpty(Line(FeedText.Rss(source)));
    }

    private string? ItemLang(XElement item) =>
        LanguageTags.Normalize(Value(FeedDocument.Child(item, Dc, "language") ?? _feed.Child(item, "language")))
        ?? LanguageTags.Normalize((string?)item.Attribute(XmlLang))
        ?? _channelLang
        ?? LanguageTags.Normalize(item.Ancestors().Select(a => (string?)a.Attribute(XmlLang)).FirstOrDefault(l => l is not null));

    /// <summary>The item's (or channel's) authors, one name each, comma-separated; null when it names none.</summary>
    private string? Authors(XElement? parent)
    {
        var names = new List<string>();
        foreach (var author in _feed.Children(parent, "author"))
        {
            var name = _feed.IsAtom
                ? Value(_feed.Child(author, "name")) ?? Value(_feed.Child(author, "email")) ?? (author.HasElements ? null : author.Value)
                : author.Value;
            AddPerson(names, name);
        }
        foreach (var creator in FeedDocument.Children(parent, Dc, "creator").Concat(FeedDocument.Children(parent, Dcterms, "creator")))
            AddPerson(names, creator.Value);
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    /// <summary>Adds a person's name: "jane@example.com (Jane Doe)" and "Jane Doe &lt;jane@example.com&gt;" give "Jane Doe"; an address alone is kept.</summary>
    private static void AddPerson(List<string> names, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return;
        var s = string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var m = EmailThenName().Match(s);
        if (m.Success)
            s = m.Groups[1].Value;
        else if ((m = NameThenEmail().Match(s)).Success)
            s = m.Groups[1].Value;
        if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            s = s[7..];
        s = s.Trim();
        if (s.Length > 0 && !names.Contains(s, StringComparer.Ordinal))
            names.Add(s);
    }

    private static string? Value(XElement? element) => element is null ? null : NullIfEmpty(element.Value.Trim());

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    [System.Text.RegularExpressions.GeneratedRegex(@"^\S+@\S+\s*\((.+)\)$")]
    private static partial System.Text.RegularExpressions.Regex EmailThenName();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(.+?)\s*[<(]\s*(?:mailto:)?\S+@\S+\s*[>)]$")]
    private static partial System.Text.RegularExpressions.Regex NameThenEmail();
}
