using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Metadata;

/// <summary>
/// Finds when an HTML page was published, in the manner of htmldate, from the most trusted source to the least:
/// <list type="number">
/// <item>JSON-LD <c>datePublished</c> of the article object;</item>
/// <item>OpenGraph <c>article:published_time</c>, then the other <c>meta</c> publication dates (<c>date</c>,
/// <c>pubdate</c>, <c>DC.date.issued</c>, <c>sailthru.date</c>, <c>parsely-pub-date</c>… see <see cref="PublishedMeta"/>);</item>
/// <item><c>itemprop="datePublished"</c> on any element (content, datetime or text);</item>
/// <item><c>&lt;time&gt;</c>: one marked <c>pubdate</c> or "published", else the first <c>datetime</c> outside
/// navigation, asides, footers and comments that is not marked "updated";</item>
/// <item>the visible byline or dateline: the first date in an element whose class or id says date, time, byline,
/// published, posted, meta… ("Published 3:04 PM ET Jan. 18, 2020"), skipping dates labeled "updated";</item>
/// <item>the URL path (<see cref="UrlDate"/>; a year and month alone give no day);</item>
/// <item>the page text outside navigation, asides, footers, comments and citations: the date written most often (then
/// the first), within the URL's month when the URL has one; dates labeled "updated" or "retrieved" are not counted.</item>
/// </list>
/// A date must be plausible (<see cref="DatePlausibility"/>; the page-text scan also needs 1990 or later). When a date
/// from rules 1–5 falls on a later day than a full date in the URL, the URL's date is taken: the URL was fixed when the
/// article was first published (on its local day), a later metadata date is an update or a conversion to UTC. When the
/// date found is in UTC and another source of the page gives the same instant in another offset, that offset is kept:
/// it is the page's own, and the day in it is the day the page states. The modified date comes from JSON-LD
/// <c>dateModified</c>, the modified <c>meta</c> names or <c>itemprop="dateModified"</c>, and is never the published
/// date (the cleaner lets it stand in only when nothing gives a published date).
/// A time keeps the offset the page states, so that an evening page stays on its own day.
/// </summary>
public sealed partial class HtmlDateReader(DateTimeOffset reference)
{
    /// <summary>meta names and properties of a publication date, OpenGraph first.</summary>
    public static readonly string[] PublishedMeta =
    [
        "article:published_time", "og:article:published_time", "og:published_time", "article:published", "og:pubdate",
        "article:publicationdate", "article:post_date", "datepublished", "date", "pubdate", "publishdate", "publish_date",
        "publish-date", "published-date", "published_at", "publication_date", "date_published", "dc.date.issued", "dc.date",
        "dc.date.created", "dc.date.publication", "dcterms.issued", "dcterms.date", "dcterms.created", "dc:date", "dc:created",
        "sailthru.date", "parsely-pub-date", "article.published", "article.created", "article_date_original", "citation_publication_date",
        "citation_date", "originalpublicationdate", "rnews:datepublished", "dcsext.articlefirstpublished", "displaydate", "pdate",
        "ptime", "datecreated", "dateposted", "created", "og:regdate", "bt:pubdate", "cxenseparse:recs:publishtime", "timestamp",
    ];

    /// <summary>meta names and properties of a modification date.</summary>
    public static readonly string[] ModifiedMeta =
    [
        "article:modified_time", "og:article:modified_time", "og:modified_time", "og:updated_time", "article:modified",
        "datemodified", "dc.modified", "dcterms.modified", "last-modified", "lastmodified", "last_updated", "modified", "utime",
        "updated_time", "modified_time", "bt:moddate",
    ];

    private readonly DatePlausibility _plausible = new(reference);

    public HtmlDates Read(IDocument document, string? url, JsonLdArticle? jsonLd, string? lang)
    {
        var evidence = new NumericDateOrder.Evidence(null, lang, url);
        var urlDate = UrlDate.Of(url);
        var modified = Value(jsonLd?.Modified, evidence) ?? Meta(document, ModifiedMeta, evidence) ?? ItemProp(document, "dateModified", evidence);

        var (published, from) = Structured(document, jsonLd, evidence);
        if (published is { Precision: TimePrecision.Offset } utc && utc.Value.Offset == TimeSpan.Zero)
            published = LocalOffset(document, utc, evidence);
        if (published is { } p && urlDate?.Day is { } urlDay && p.Date > urlDay)
            (published, from) = (PublishedTime.FromDate(urlDay), "url (metadata date later)");
        if (published is null && urlDate?.Day is { } day && _plausible.Accepts(PublishedTime.FromDate(day)))
            (published, from) = (PublishedTime.FromDate(day), "url");
        if (published is null && PageText(document, urlDate, evidence) is { } scanned)
            (published, from) = (scanned, "page text");
        return new HtmlDates(published, modified, from);
    }

    private (PublishedTime?, string?) Structured(IDocument document, JsonLdArticle? jsonLd, NumericDateOrder.Evidence evidence)
    {
        if ((Value(jsonLd?.Published, evidence) ?? Value(jsonLd?.Created, evidence)) is { } ld)
            return (ld, "json-ld");
        if (Meta(document, PublishedMeta, evidence) is { } meta)
            return (meta, "meta");
        if ((ItemProp(document, "datePublished", evidence) ?? ItemProp(document, "dateCreated", evidence)) is { } prop)
            return (prop, "itemprop");
        if (TimeElement(document, evidence) is { } time)
            return (time, "time");
        if (Byline(document, evidence) is { } byline)
            return (byline, "byline");
        return (null, null);
    }

    /// <summary>The same instant as another source of the page states it in the page's own offset, when one does (UTC is often a conversion).</summary>
    private PublishedTime LocalOffset(IDocument document, PublishedTime utc, NumericDateOrder.Evidence evidence)
    {
        foreach (var other in new[] { Meta(document, PublishedMeta, evidence), ItemProp(document, "datePublished", evidence), TimeElement(document, evidence) })
        {
            if (other is { Precision: TimePrecision.Offset } o && o.Instant == utc.Instant && o.Value.Offset != TimeSpan.Zero)
                return o;
        }
        return utc;
    }

    private PublishedTime? Value(string? value, NumericDateOrder.Evidence evidence) => DateValue.Parse(value, _plausible, evidence);

    /// <summary>The first plausible date among the meta elements named, in the order of <paramref name="names"/>.</summary>
    private PublishedTime? Meta(IDocument document, string[] names, NumericDateOrder.Evidence evidence)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in document.QuerySelectorAll("meta[content]"))
        {
            // itemprop metas are the itemprop rule's, after these
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("http-equiv");
            if (key is null)
                continue;
            // "property" may hold several space-separated names
            foreach (var k in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                found.TryAdd(k.Trim(), meta.GetAttribute("content")!);
        }
        foreach (var name in names)
        {
            if (found.TryGetValue(name, out var content) && Value(content, evidence) is { } date)
                return date;
        }
        return null;
    }

    private PublishedTime? ItemProp(IDocument document, string property, NumericDateOrder.Evidence evidence)
    {
        foreach (var e in document.QuerySelectorAll($"[itemprop~='{property}']"))
        {
            var value = e.GetAttribute("content") ?? e.GetAttribute("datetime") ?? e.GetAttribute("title") ?? Shorten(e.TextContent);
            if (Value(value, evidence) is { } date)
                return date;
        }
        return null;
    }

    private PublishedTime? TimeElement(IDocument document, NumericDateOrder.Evidence evidence)
    {
        PublishedTime? first = null;
        foreach (var time in document.QuerySelectorAll("time"))
        {
            var value = time.GetAttribute("datetime") ?? Shorten(time.TextContent);
            var marks = (time.GetAttribute("class") + " " + time.GetAttribute("itemprop") + " " + time.GetAttribute("id")).ToLowerInvariant();
            var pubdate = time.HasAttribute("pubdate") || marks.Contains("publish") || marks.Contains("entry-date") || marks.Contains("posted");
            if (pubdate && Value(value, evidence) is { } marked)
                return marked;
            if (first is not null || Updated().IsMatch(marks) || InChrome(time))
                continue;
            first = Value(value, evidence);
        }
        return first;
    }

    /// <summary>The first date in a byline-like element's text, skipping dates labeled "updated".</summary>
    private PublishedTime? Byline(IDocument document, NumericDateOrder.Evidence evidence)
    {
        if (document.Body is null)
            return null;
        var looked = 0;
        foreach (var e in document.Body.QuerySelectorAll("[class],[id]"))
        {
            var marks = e.GetAttribute("class") + " " + e.GetAttribute("id");
            if (!DateMarks().IsMatch(marks) || Updated().IsMatch(marks))
                continue;
            var text = e.TextContent;
            if (text.Length > 300 || text.Length < 6 || InChrome(e))
                continue;
            if (++looked > 60)
                break;
            foreach (var match in DateFinder.FindAll(text, limit: 4))
            {
                var before = text[..match.Index];
                if (Updated().IsMatch(before) && !PublishedWord().IsMatch(before))
                    continue;
                var time = match.ToPublishedTime(NumericDateOrder.Resolve(match, evidence));
                if (_plausible.Accepts(time, !match.TwoDigitYear))
                    return time;
            }
        }
        return null;
    }

    /// <summary>The date the page's text gives most often (then the first of them), within the URL's month when it names one.</summary>
    private PublishedTime? PageText(IDocument document, UrlDate? urlDate, NumericDateOrder.Evidence evidence)
    {
        var text = VisibleText.Of(document.Body, maxLength: 200_000, skip: IsChrome);
        if (text.Length == 0)
            return null;
        evidence = evidence with { Text = text };
        var counts = new Dictionary<DateOnly, (int Count, int First, PublishedTime Time)>();
        var index = 0;
        foreach (var match in DateFinder.FindAll(text, limit: 300))
        {
            var day = NumericDateOrder.Resolve(match, evidence);
            var time = match.ToPublishedTime(day);
            if (!_plausible.Accepts(time, !match.TwoDigitYear, DatePlausibility.MinimumImplicitYear))
                continue;
            var before = text.AsSpan(Math.Max(0, match.Index - 40), Math.Min(40, match.Index));
            if (Updated().IsMatch(before) || Retrieved().IsMatch(before))
                continue; // "last updated on 1 July 2014", "Retrieved 2014-07-01": not when it was published
            if (urlDate?.Month is { } month && (day.Year, day.Month) != month)
                continue;
            counts[day] = counts.TryGetValue(day, out var c) ? (c.Count + 1, c.First, c.Time) : (1, index, time);
            index++;
        }
        if (counts.Count == 0)
            return null;
        var best = counts.Values.OrderByDescending(c => c.Count).ThenBy(c => c.First).First();
        return best.Time.Precision == TimePrecision.Date ? best.Time : PublishedTime.FromDate(best.Time.Date);
    }

    /// <summary>True inside navigation, an aside, a footer, or comments, where dates are not the article's.</summary>
    private static bool InChrome(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (IsChrome(e))
                return true;
        }
        return false;
    }

    private static bool IsChrome(IElement e)
    {
        if (e.LocalName is "nav" or "aside" or "footer" or "cite")
            return true;
        var marks = e.GetAttribute("class") + " " + e.GetAttribute("id");
        return marks.Length > 1 && ChromeMarks().IsMatch(marks);
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] : text;

    [GeneratedRegex(@"date|time|datum|fecha|byline|dateline|publish|posted|meta|article-info|submitted|stamp", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateMarks();

    [GeneratedRegex(@"updat|modif|aktualisiert|mis à jour|actualizad|edited", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Updated();

    [GeneratedRegex(@"retrieved|accessed|abgerufen|consulté|consultado", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Retrieved();

    [GeneratedRegex(@"publi|posted|veröffentlicht|erschienen", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishedWord();

    [GeneratedRegex(@"(?:^|[\s_\-])(?:comments?|comment-\w+|related|sidebar|widget|footer|recirc\w*|most-(?:read|popular)|trending|references?|reflist|citations?)(?:$|[\s_\-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChromeMarks();
}
