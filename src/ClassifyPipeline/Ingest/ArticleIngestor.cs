using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// The Ingest stage: reads the files it is given with the reader for each kind, decodes their
/// bytes, caps sizes, and merges repeats (the same id or URL twice is one article, the first kept).
/// Record formats (JSON Lines, CSV) are streamed record by record; whole-file kinds are capped by
/// <c>ingest.maxFileBytes</c>. Every reader runs inside <see cref="ReaderGuard"/>: no file can stop the batch.
/// </summary>
public sealed class ArticleIngestor
{
    private readonly IngestOptions _options;
    private readonly IReadOnlyList<IArticleReader> _readers;

    public ArticleIngestor(IngestOptions options, IReadOnlyList<IArticleReader>? readers = null)
    {
        _options = options;
        _readers = readers ?? DefaultReaders(options);
    }

    public static IReadOnlyList<IArticleReader> DefaultReaders(IngestOptions? options = null) =>
        Readers(options ?? new IngestOptions());

    private static IReadOnlyList<IArticleReader> Readers(IngestOptions options) =>
        [new TextFileReader(), new JsonLinesReader(options.MaxRecordBytes), new CsvArticleReader(options.MaxRecordBytes),
         new FeedReader(options.MaxItemChars), new HtmlArticleReader()];

    /// <summary>The file kinds the default readers take, for messages.</summary>
    public const string KnownKinds = ".txt, .jsonl, .ndjson, .csv, .rss, .atom, .rdf, .xml, .html or .htm, each also gzip-compressed as .gz";

    /// <summary>True when some reader takes files with this name.</summary>
    public bool Handles(string path) => _readers.Any(r => r.CanRead(GzipInput.KindName(path)));

    public IngestResult Ingest(IReadOnlyList<string> files, IProgress<int>? filesDone = null, CancellationToken cancellationToken = default)
    {
        var articles = new List<Article>();
        var rejections = new List<Rejection>();
        foreach (var item in Read(files, filesDone, cancellationToken))
        {
            if (item.Rejection is { } rejection)
                rejections.Add(rejection);
            else
                articles.Add(item.Article!);
        }
        return new IngestResult(articles, rejections);
    }

    /// <summary>
    /// The articles and rejections of <see cref="Ingest"/>, one at a time in the same order, so a caller can let
    /// each article go once it is done with it. Reading the same unchanged files again yields the same sequence.
    /// </summary>
    public IEnumerable<ReadItem> Read(IReadOnlyList<string> files, IProgress<int>? filesDone = null, CancellationToken cancellationToken = default)
    {
        var seenIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var seenUrls = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var done = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var item in ReadFile(file, cancellationToken))
            {
                if (item.Rejection is not null)
                {
                    yield return item;
                    continue;
                }
                var article = item.Article!.Input is null ? item.Article! with { Input = new(file, null) } : item.Article!;
                var sizeError = CheckSize(article);
                if (sizeError is not null)
                {
                    yield return ReadItem.Rejected(file, article.Id, sizeError);
                    continue;
                }
                if (seenIds.TryGetValue(article.Id, out var firstFile))
                {
                    yield return ReadItem.Rejected(file, article.Id, $"repeat: an article with id '{article.Id}' came earlier from {firstFile}; the first is kept");
                    continue;
                }
                if (article.Url is { } url && seenUrls.TryGetValue(url, out var firstId))
                {
                    yield return ReadItem.Rejected(file, article.Id, $"repeat: the same URL as article '{firstId}'; the first is kept");
                    continue;
                }
                seenIds[article.Id] = file;
                if (article.Url is not null)
                    seenUrls[article.Url] = article.Id;
                yield return ReadItem.Of(article);
            }
            filesDone?.Report(++done);
        }
    }

    private string? CheckSize(Article article)
    {
        var length = article.Body.Trim().Length;
        if (length > _options.MaxArticleChars)
            return $"article text of {article.Body.Length:N0} characters is over ingest.maxArticleChars ({_options.MaxArticleChars:N0})";
        if (length < _options.MinArticleChars)
            return $"article text of {length} characters is under ingest.minArticleChars ({_options.MinArticleChars})";
        return null;
    }

    /// <summary>The file's items, read by the reader for its kind inside <see cref="ReaderGuard"/>: whatever the reader throws, the batch goes on.</summary>
    private IEnumerable<ReadItem> ReadFile(string file, CancellationToken cancellationToken)
    {
        var reader = _readers.FirstOrDefault(r => r.CanRead(GzipInput.KindName(file)));
        if (reader is null)
            return [ReadItem.Rejected(file, null, $"unsupported file type (expected {KnownKinds})")];
        return ReaderGuard.File(file, () => Open(reader, file, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Starts a reader on a file: a streaming reader opens the file itself; a whole-file reader gets the file's bytes
    /// (or its decoded text), capped by <c>ingest.maxFileBytes</c>. I/O errors surface through the guard as "cannot read the file".
    /// </summary>
    private IEnumerable<ReadItem> Open(IArticleReader reader, string file, CancellationToken cancellationToken)
    {
        if (reader is IStreamingArticleReader streaming)
            return streaming.Read(file, () => GzipInput.Open(file), cancellationToken);

        var info = new FileInfo(file);
        if (info.Length > _options.MaxFileBytes)
            return [ReadItem.Rejected(file, null, $"file of {info.Length:N0} bytes is over ingest.maxFileBytes ({_options.MaxFileBytes:N0})")];
        var bytes = GzipInput.ReadAll(file, _options.MaxFileBytes);
        if (bytes is null)
            return [ReadItem.Rejected(file, null, $"decompressed content is over ingest.maxFileBytes ({_options.MaxFileBytes:N0})")];
        if (reader is IByteArticleReader byteReader)
            return byteReader.Read(file, bytes, cancellationToken);
        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null)
            return [ReadItem.Rejected(file, null, decoded.Error!)];
        return reader.Read(file, decoded.Text, cancellationToken);
    }
}

/// <summary>The articles read, in input order, and everything that could not be read.</summary>
public sealed record IngestResult(IReadOnlyList<Article> Articles, IReadOnlyList<Rejection> Rejections);
