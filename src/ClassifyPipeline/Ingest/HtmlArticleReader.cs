using AngleSharp.Html.Parser;
using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// An HTML article page (<c>.html</c>, <c>.htm</c>) is one article, its text found by SmartReader (a port of
/// Mozilla's Readability) so that navigation, ads and footers are left out. The page is parsed once by
/// AngleSharp with scripting and resource loading off: nothing runs and nothing is fetched.
/// id = the canonical URL (<c>link rel=canonical</c>, else <c>og:url</c>), else the file name;
/// source = <c>og:site_name</c>, else the URL's host, else the folder name.
/// </summary>
public sealed class HtmlArticleReader : IByteArticleReader
{
    private readonly HtmlParser _parser = new();
    private readonly MarkupText _markup = new();
    private readonly TimeProvider _time;

    /// <param name="time">The clock that dates found in a page are checked against (none may lie after it); the system clock when null.</param>
    public HtmlArticleReader(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public bool CanRead(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    /// <summary>Decodes the page by its BOM, else its <c>&lt;meta charset&gt;</c>, else UTF-8 with the Latin-1 fallback, then reads it.</summary>
    public IEnumerable<ReadItem> Read(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var decoded = XmlTextDecoder.DecodeHtml(bytes);
        return decoded.Text is null ? [ReadItem.Rejected(path, null, decoded.Error!)] : Read(path, decoded.Text, cancellationToken);
    }

    public IEnumerable<ReadItem> Read(string path, string content, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(content))
            return [ReadItem.Rejected(path, null, "empty file: no HTML")];
        var document = _parser.ParseDocument(content);
        var canonical = document.QuerySelector("link[rel~=canonical][href]")?.GetAttribute("href")
            ?? document.QuerySelector("meta[property='og:url'][content]")?.GetAttribute("content");
        var url = Uri.TryCreate(canonical?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.OriginalString
            : null;

        SmartReader.Article article;
        try
        {
            var reader = new SmartReader.Reader(url ?? new Uri(Path.GetFullPath(path)).AbsoluteUri, document);
            article = reader.GetArticle();
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // SmartReader is a third-party heuristic: a page it cannot handle is one rejected input, not a failed batch.
            return [ReadItem.Rejected(path, null, $"the HTML page could not be read as an article: {e.Message}")];
        }

        var body = _markup.ToText(article.Content);
        if (!article.IsReadable || body.Length == 0)
            return [ReadItem.Rejected(path, null, "no article text found in the HTML page")];
        var title = _markup.ToLine(article.Title);
        var source = NullIfBlank(article.SiteName)
            ?? (url is not null ? new Uri(url).Host : Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? "file");
        DateTimeOffset? published = article.PublicationDate is { } date
            ? new DateTimeOffset(DateTime.SpecifyKind(date, date.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : date.Kind)).ToUniversalTime()
            : null;
        var id = url ?? Path.GetFileNameWithoutExtension(path);
        return [ReadItem.Of(new Article(id, source, url, title.Length == 0 ? null : title, body, published))];
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
