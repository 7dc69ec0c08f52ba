using System.Globalization;
using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Maps a flat record (a JSON object or a CSV row) with the contract's field names to an article:
/// <c>id, title, text|body, url, published, source</c>, and <c>author</c> (alias <c>authors</c>), <c>lang</c>
/// (alias <c>language</c>), <c>modified</c>. Names match case-insensitively. <c>source</c> is the outlet only when
/// the record says so: never the input's file or folder name.
/// </summary>
public static class RecordFields
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "id", "title", "text", "body", "url", "published", "modified", "source", "author", "authors", "lang", "language", "label", "labels",
    };

    /// <summary>Builds the article, or returns the reason the record is not one.</summary>
    /// <param name="defaultSource">The source when the record names none (labeled samples name their file); null for articles.</param>
    public static (Article? Article, string? Error) ToArticle(Func<string, string?> field, string? defaultSource = null)
    {
        var body = field("text") ?? field("body");
        if (string.IsNullOrWhiteSpace(body))
            return (null, "no article text: the record needs a non-empty 'text' (or 'body') field");

        if (!TryDate(field("published"), "published", out var published, out var error)
            || !TryDate(field("modified"), "modified", out var modified, out error))
            return (null, error);

        var title = NullIfBlank(field("title"));
        var id = NullIfBlank(field("id")) ?? ArticleIds.FromContent(title, body);
        return (new Article(id, NullIfBlank(field("source")) ?? defaultSource, NullIfBlank(field("url")), title, body, published)
        {
            Author = NullIfBlank(field("author") ?? field("authors")),
            Lang = LanguageTags.Normalize(field("lang") ?? field("language")),
            Modified = modified,
        }, null);
    }

    /// <summary>An ISO 8601 date (or another invariant-culture date and time); absent is fine, unreadable is an error naming the field.</summary>
    private static bool TryDate(string? text, string name, out PublishedTime? value, out string? error)
    {
        value = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (PublishedTime.TryParse(text, out var iso))
            value = iso;
        else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
            value = PublishedTime.FromOffset(parsed);
        else
            error = $"'{name}' is not an ISO 8601 date: '{Truncate(text)}'";
        return error is null;
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static string Truncate(string s, int max = 60) => s.Length <= max ? s : s[..max] + "…";
}
