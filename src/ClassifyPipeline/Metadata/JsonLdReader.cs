using System.Text.Json;
using System.Text.RegularExpressions;

namespace ClassifyPipeline.Metadata;

/// <summary>
/// Reads schema.org JSON-LD (<c>&lt;script type="application/ld+json"&gt;</c>): single objects, arrays and
/// <c>@graph</c>s, nested objects and <c>@id</c> references. The article is the first object of an article type
/// (<c>NewsArticle</c>, <c>Article</c>, <c>BlogPosting</c>, <c>ReportageNewsArticle</c>… any type ending in
/// "Article" or "Posting", and <c>Report</c>), else the first <c>WebPage</c>, else the first object with a
/// <c>datePublished</c>. Scripts that are not valid JSON (common: raw line breaks, HTML entities, trailing commas)
/// are searched for <c>"datePublished"</c>/<c>"dateModified"</c> values instead.
/// </summary>
public static partial class JsonLdReader
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static JsonLdArticle? Read(IEnumerable<string> scripts)
    {
        var objects = new List<JsonElement>();
        var documents = new List<JsonDocument>();
        string? loosePublished = null, looseModified = null;
        try
        {
            foreach (var script in scripts)
            {
                var text = Unwrap(script);
                if (text.Length == 0 || text.Length > 2_000_000)
                    continue;
                try
                {
                    var doc = JsonDocument.Parse(text, Lenient);
                    documents.Add(doc);
                    Collect(doc.RootElement, objects, 0);
                }
                catch (JsonException)
                {
                    loosePublished ??= Loose(text, "datePublished") ?? Loose(text, "dateCreated");
                    looseModified ??= Loose(text, "dateModified");
                }
            }
            var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var o in objects)
            {
                if (String(o, "@id") is { } id)
                    byId.TryAdd(id, o);
            }
            var article = objects.FirstOrDefault(o => Types(o).Any(IsArticleType));
            if (article.ValueKind != JsonValueKind.Object)
                article = objects.FirstOrDefault(o => Types(o).Any(t => t.EndsWith("Page", StringComparison.Ordinal)));
            if (article.ValueKind != JsonValueKind.Object)
                article = objects.FirstOrDefault(o => String(o, "datePublished") is not null);
            var site = objects.FirstOrDefault(o => Types(o).Contains("WebSite"));
            var siteName = site.ValueKind == JsonValueKind.Object ? Name(site, byId) : null;
            if (article.ValueKind != JsonValueKind.Object)
                return loosePublished is null && looseModified is null && siteName is null ? null
                    : new JsonLdArticle(null, loosePublished, looseModified, null, null, [], null, siteName, null, null);

            return new JsonLdArticle(
                Types(article).FirstOrDefault(),
                String(article, "datePublished") ?? loosePublished,
                String(article, "dateModified") ?? looseModified,
                String(article, "dateCreated"),
                String(article, "headline") ?? String(article, "name"),
                Names(article, "author", byId),
                Names(article, "publisher", byId).FirstOrDefault(),
                siteName,
                Language(article),
                String(article, "url") ?? MainEntityUrl(article));
        }
        finally
        {
            foreach (var d in documents)
                d.Dispose();
        }
    }

    private static bool IsArticleType(string type) =>
        type.EndsWith("Article", StringComparison.Ordinal) || type.EndsWith("Posting", StringComparison.Ordinal) || type == "Report";

    /// <summary>The JSON inside a script's text: HTML comment and CDATA wrappers (with or without <c>//</c>) removed.</summary>
    private static string Unwrap(string script)
    {
        var text = script.Trim();
        foreach (var (open, close) in new[] { ("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>"), ("/*<![CDATA[*/", "/*]]>*/") })
        {
            if (text.StartsWith(open, StringComparison.Ordinal))
                text = text[open.Length..].TrimStart();
            if (text.EndsWith(close, StringComparison.Ordinal))
                text = text[..^close.Length].TrimEnd();
        }
        return text.Trim().TrimEnd(';');
    }

    /// <summary>Every object in the tree, in document order (an object before the objects inside it).</summary>
    private static void Collect(JsonElement e, List<JsonElement> objects, int depth)
    {
        if (depth > 20)
            return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
                Collect(item, objects, depth + 1);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object)
            return;
        objects.Add(e);
        foreach (var p in e.EnumerateObject())
        {
            if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                Collect(p.Value, objects, depth + 1);
        }
    }

    private static IEnumerable<string> Types(JsonElement o)
    {
        if (!o.TryGetProperty("@type", out var type))
            yield break;
        if (type.ValueKind == JsonValueKind.String)
            yield return Short(type.GetString()!);
        else if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in type.EnumerateArray())
            {
                if (t.ValueKind == JsonValueKind.String)
                    yield return Short(t.GetString()!);
            }
        }
    }

    /// <summary>"http://schema.org/NewsArticle" → "NewsArticle".</summary>
    private static string Short(string type) => type[(type.LastIndexOfAny(['/', ':', '#']) + 1)..];

    private static string? String(JsonElement o, string name)
    {
        if (!o.TryGetProperty(name, out var v))
            return null;
        if (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0)
            v = v[0];
        return v.ValueKind == JsonValueKind.String && v.GetString() is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
    }

    private static string? Name(JsonElement o, Dictionary<string, JsonElement> byId)
    {
        if (o.ValueKind == JsonValueKind.String)
            return o.GetString();
        if (o.ValueKind != JsonValueKind.Object)
            return null;
        if (String(o, "name") is { } name)
            return name;
        if (String(o, "@id") is { } id && byId.TryGetValue(id, out var target) && String(target, "name") is { } resolved)
            return resolved;
        return null;
    }

    private static List<string> Names(JsonElement o, string property, Dictionary<string, JsonElement> byId)
    {
        var names = new List<string>();
        if (!o.TryGetProperty(property, out var v))
            return names;
        IEnumerable<JsonElement> items = v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [v];
        foreach (var item in items)
        {
            if (Name(item, byId) is { } name && !string.IsNullOrWhiteSpace(name) && !name.Contains("://", StringComparison.Ordinal) && !names.Contains(name.Trim()))
                names.Add(name.Trim());
        }
        return names;
    }

    private static string? Language(JsonElement o)
    {
        if (!o.TryGetProperty("inLanguage", out var v))
            return null;
        if (v.ValueKind == JsonValueKind.String)
            return v.GetString();
        return v.ValueKind == JsonValueKind.Object ? String(v, "alternateName") ?? String(v, "name") : null;
    }

    private static string? MainEntityUrl(JsonElement o)
    {
        if (!o.TryGetProperty("mainEntityOfPage", out var v))
            return null;
        if (v.ValueKind == JsonValueKind.String)
            return v.GetString();
        return v.ValueKind == JsonValueKind.Object ? String(v, "@id") ?? String(v, "url") : null;
    }

    private static string? Loose(string text, string key)
    {
        var m = LooseValue().Match(text);
        for (; m.Success; m = m.NextMatch())
        {
            if (m.Groups["key"].Value == key)
                return m.Groups["value"].Value;
        }
        return null;
    }

    [GeneratedRegex("\"(?<key>datePublished|dateModified|dateCreated)\"\\s*:\\s*\"(?<value>[^\"]{8,40})\"", RegexOptions.CultureInvariant)]
    private static partial Regex LooseValue();
}
