using AngleSharp.Dom;

namespace ClassifyPipeline.Metadata;

/// <summary>
/// Reads an HTML page's metadata from its markup, before any text extraction changes the document:
/// <list type="bullet">
/// <item><b>url</b>: <c>link rel=canonical</c>, else <c>og:url</c>, else JSON-LD <c>url</c> (http or https, absolute);</item>
/// <item><b>source</b> (the outlet): JSON-LD <c>publisher.name</c>, else <c>og:site_name</c>, else <c>application-name</c>,
/// else the JSON-LD <c>WebSite</c> name, else <c>publisher</c>/<c>DC.publisher</c> meta (the cleaner then tries wire
/// credits in the text, and the URL's host last);</item>
/// <item><b>author</b>: JSON-LD <c>author</c> names (not the outlet's), else <c>DC.creator</c>, <c>meta name=author</c>,
/// <c>article:author</c>, <c>parsely-author</c>, <c>sailthru.author</c>, <c>byl</c> (links and handles are not names), else <c>rel=author</c> or
/// <c>itemprop=author</c> elements, else an element classed "byline" or "author"; read by <see cref="Bylines"/>;</item>
/// <item><b>lang</b>: <c>html lang</c>, else <c>content-language</c>/<c>language</c>/<c>DC.language</c> meta, else
/// <c>og:locale</c>, else JSON-LD <c>inLanguage</c>; as a BCP 47 tag (<c>en_US</c> becomes <c>en-US</c>);</item>
/// <item><b>published</b> and <b>modified</b>: <see cref="HtmlDateReader"/>.</item>
/// </list>
/// </summary>
public sealed class HtmlMetadataReader(DateTimeOffset reference)
{
    private readonly HtmlDateReader _dates = new(reference);

    public PageMetadata Read(IDocument document)
    {
        var meta = MetaValues(document);
        var jsonLd = JsonLdReader.Read(document.QuerySelectorAll("script[type='application/ld+json']").Select(s => s.TextContent));
        var url = Absolute(document.QuerySelector("link[rel~=canonical][href]")?.GetAttribute("href"))
            ?? Absolute(Get(meta, "og:url")) ?? Absolute(jsonLd?.Url);
        var lang = Lang(document.DocumentElement?.GetAttribute("lang") ?? document.DocumentElement?.GetAttribute("xml:lang"))
            ?? Lang(Get(meta, "content-language") ?? Get(meta, "language") ?? Get(meta, "dc.language"))
            ?? Lang(Get(meta, "og:locale")) ?? Lang(jsonLd?.Lang);
        var source = Clean(jsonLd?.Publisher) ?? Clean(Get(meta, "og:site_name")) ?? Clean(Get(meta, "application-name"))
            ?? Clean(jsonLd?.Site) ?? Clean(Get(meta, "publisher") ?? Get(meta, "dc.publisher"));
        var dates = _dates.Read(document, url, jsonLd, lang);
        var title = Clean(jsonLd?.Headline) ?? Clean(Get(meta, "og:title"));
        return new PageMetadata(title, Author(document, meta, jsonLd, source), source, url, lang, dates.Published, dates.Modified, dates.PublishedFrom);
    }

    private static string? Author(IDocument document, Dictionary<string, string> meta, JsonLdArticle? jsonLd, string? source)
    {
        bool IsOutlet(string name) => string.Equals(name, source, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, jsonLd?.Publisher, StringComparison.OrdinalIgnoreCase) || string.Equals(name, jsonLd?.Site, StringComparison.OrdinalIgnoreCase);
        if (jsonLd is { Authors.Count: > 0 } && Bylines.Authors(string.Join(", ", jsonLd.Authors.Where(a => !IsOutlet(a)))) is { } fromLd)
            return fromLd;
        foreach (var key in new[] { "dc.creator", "dc:creator", "dcterms.creator", "dcterm:creator", "author", "article:author", "parsely-author", "sailthru.author", "byl", "citation_author" })
        {
            if (Get(meta, key) is { } value && !value.Contains("://", StringComparison.Ordinal) && !value.StartsWith('@') && !IsOutlet(value)
                && Bylines.Authors(value) is { } name)
                return name;
        }
        foreach (var e in document.QuerySelectorAll("[rel~=author], [itemprop~=author]"))
        {
            var name = e.QuerySelector("[itemprop~=name]")?.GetAttribute("content") ?? e.QuerySelector("[itemprop~=name]")?.TextContent
                ?? e.GetAttribute("content") ?? e.TextContent;
            if (name.Length <= 100 && Bylines.Authors(name) is { } found)
                return found;
        }
        foreach (var e in document.QuerySelectorAll("[class*=byline], [class*=author], [id*=byline]"))
        {
            var text = e.TextContent;
            if (text.Length is > 2 and <= 120 && Bylines.Authors(text) is { } found)
                return found;
        }
        return null;
    }

    private static Dictionary<string, string> MetaValues(IDocument document)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in document.QuerySelectorAll("meta[content]"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("http-equiv") ?? meta.GetAttribute("itemprop");
            if (key is null)
                continue;
            foreach (var k in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                values.TryAdd(k, meta.GetAttribute("content")!);
        }
        return values;
    }

    private static string? Get(Dictionary<string, string> meta, string key) =>
        meta.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var text = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length is 0 or > 300 ? null : text;
    }

    private static string? Absolute(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.OriginalString
            : null;

    /// <summary>A language tag as BCP 47 writes it: <c>en_us</c> → <c>en-US</c>; null for what is not one.</summary>
    public static string? Lang(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
            return null;
        var parts = tag.Trim().Replace('_', '-').Split(',')[0].Trim().Split('-');
        if (parts[0].Length is < 2 or > 3 || !parts[0].All(char.IsAsciiLetter))
            return null;
        parts[0] = parts[0].ToLowerInvariant();
        for (var i = 1; i < parts.Length; i++)
            parts[i] = parts[i].Length == 2 ? parts[i].ToUpperInvariant() : parts[i];
        return string.Join('-', parts);
    }
}
