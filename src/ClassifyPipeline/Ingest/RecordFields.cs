using System.Globalization;
using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Maps a flat record (a JSON object or a CSV row) with the contract's field names
/// (<c>id, title, text|body, url, published, source</c>) to an article.
/// </summary>
public static class RecordFields
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "id", "title", "text", "body", "url", "published", "source", "label", "labels",
    };

    /// <summary>Builds the article, or returns the reason the record is not one.</summary>
    public static (Article? Article, string? Error) ToArticle(Func<string, string?> field, string defaultSource)
    {
        var body = field("text") ?? field("body");
        if (string.IsNullOrWhiteSpace(body))
            return (null, "no article text: the record needs a non-empty 'text' (or 'body') field");

        PublishedTime? published = null;
        var publishedText = field("published");
        if (!string.IsNullOrWhiteSpace(publishedText))
        {
            if (PublishedTime.TryParse(publishedText, out var iso))
                published = iso;
            else if (DateTimeOffset.TryParse(publishedText, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
                published = PublishedTime.FromOffset(parsed);
            else
                return (null, $"'published' is not an ISO 8601 date: '{Truncate(publishedText)}'");
        }

        var title = NullIfBlank(field("title"));
        var id = NullIfBlank(field("id")) ?? ArticleIds.FromContent(title, body);
        return (new Article(id, NullIfBlank(field("source")) ?? defaultSource, NullIfBlank(field("url")), title, body, published), null);
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static string Truncate(string s, int max = 60) => s.Length <= max ? s : s[..max] + "…";
}
