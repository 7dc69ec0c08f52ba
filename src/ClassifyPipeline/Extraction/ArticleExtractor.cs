using ClassifyPipeline.Articles;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Text;

namespace ClassifyPipeline.Extraction;

/// <summary>
/// Ingest and Clean only, as <c>classify extract</c> runs them: the same readers and the same cleaner as
/// <c>classify run</c>, with the same options, so that what it prints is what a run analyzes.
/// </summary>
public sealed class ArticleExtractor
{
    private readonly IngestOptions _ingest;
    private readonly ArticleCleaner _cleaner;
    private readonly HtmlArticleReader _html;

    public ArticleExtractor(IngestOptions ingest, CleanOptions clean, TimeProvider? time = null)
    {
        _ingest = ingest;
        _cleaner = new ArticleCleaner(clean, time);
        _html = new HtmlArticleReader(time);
    }

    /// <summary>Each article of the files, cleaned, or each rejection, in input order.</summary>
    public IEnumerable<(CleanArticle? Article, Rejection? Rejection)> Extract(IReadOnlyList<string> files, IProgress<int>? filesDone = null, CancellationToken cancellationToken = default)
    {
        foreach (var item in new ArticleIngestor(_ingest).Read(files, filesDone, cancellationToken))
            yield return item.Article is { } article ? (_cleaner.Clean(article), null) : (null, item.Rejection);
    }

    /// <summary>
    /// One HTML page (<c>.html</c>, <c>.htm</c>, either gzip-compressed as <c>.gz</c>) read and cleaned, or the reason it gave no article.
    /// For labeled page sets, whose pages are often stored compressed.
    /// </summary>
    public (CleanArticle? Article, Rejection? Rejection) ExtractPage(string path, CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            bytes = GzipInput.ReadAll(path, Array.MaxLength) ?? throw new IOException("the page is larger than an array can hold");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return (null, new Rejection(path, null, $"cannot read the page: {e.Message}"));
        }
        var item = _html.Read(path, bytes, cancellationToken).First();
        return item.Article is { } article ? (_cleaner.Clean(article), null) : (null, item.Rejection);
    }
}
