using AngleSharp.Html.Parser;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Metadata;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// An HTML article page (<c>.html</c>, <c>.htm</c>) is one article. The page is parsed once by AngleSharp with
/// scripting and resource loading off: nothing runs and nothing is fetched. Its metadata is read from the markup first
/// (<see cref="HtmlMetadataReader"/>: canonical URL, outlet, author, language, published and modified dates); then
/// captions, galleries, teasers and other page chrome are removed (<see cref="PageChrome"/>) and SmartReader (a port of
/// Mozilla's Readability) finds the article text. Its "readable" flag is not a verdict: whatever text it finds is kept,
/// and only a page with no text, or (when judged unreadable) no line of five words, is rejected. id = the canonical URL, else the file name. The source is left
/// empty when the markup names no outlet: the cleaner looks for a credit in the text, then takes the URL's host.
/// </summary>
public sealed class HtmlArticleReader : IByteArticleReader
{
    /// <summary>A page judged unreadable is kept when one line of its text has at least this many words.</summary>
    private const int MinimumPhraseWords = 5;

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
        cancellationToken.ThrowIfCancellationRequested();
        var metadata = new HtmlMetadataReader(_time.GetUtcNow()).Read(document);
        PageChrome.Remove(document);
        ReadabilityNames.Repair(document);

        SmartReader.Article article;
        try
        {
            var reader = new SmartReader.Reader(metadata.Url ?? new Uri(Path.GetFullPath(path)).AbsoluteUri, document) { ContinueIfNotReadable = true };
            article = reader.GetArticle();
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // SmartReader is a third-party heuristic: a page it cannot handle is one rejected input, not a failed batch.
            return [ReadItem.Rejected(path, null, $"the HTML page could not be read as an article: {e.Message}")];
        }

        var body = _markup.ToText(article.Content);
        // a page SmartReader finds unreadable keeps its text, unless not one line of it is a phrase (a menu, a "Home" link)
        if (body.Length == 0 || !article.IsReadable && !body.Split('\n').Any(IsPhrase))
            return [ReadItem.Rejected(path, null, "no article text found in the HTML page")];
        // SmartReader's title is text already (the document's, decoded): parsed again as HTML, a title that mentions
        // "<script>" or "<b>" would lose those words
        var title = string.Join(' ', (article.Title ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (title.Length == 0)
            title = metadata.Title ?? "";
        var id = metadata.Url ?? GzipInput.Stem(path);
        return
        [
            ReadItem.Of(new Article(id, metadata.Source ?? NullIfBlank(article.SiteName), metadata.Url, title.Length == 0 ? null : title, body, metadata.Published)
            {
                Author = metadata.Author ?? Bylines.Authors(article.Byline ?? article.Author),
                Lang = metadata.Lang ?? HtmlMetadataReader.Lang(article.Language),
                Modified = metadata.Modified,
            }),
        ];
    }

    /// <summary>A line of five words, or of ten characters in a script written without spaces (Chinese, Japanese).</summary>
    private static bool IsPhrase(string line) =>
        line.Split(' ').Length >= MinimumPhraseWords || line.Length >= 10 && line.Any(c => c is >= '\u3040' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF');

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
