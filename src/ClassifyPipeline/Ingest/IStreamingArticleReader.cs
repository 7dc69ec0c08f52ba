namespace ClassifyPipeline.Ingest;

/// <summary>
/// A reader of a record format (JSON Lines, CSV) that reads its file itself, one record at a time, so a file of
/// any size is read without holding it: <c>ingest.maxFileBytes</c> does not apply, the per-record cap does.
/// </summary>
public interface IStreamingArticleReader : IArticleReader
{
    /// <summary>
    /// Reads the stream <paramref name="open"/> gives (called once, when the first item is asked for; the reader
    /// disposes the stream). Each enumeration opens the input again. Never throws for bad content: it yields rejections.
    /// </summary>
    IEnumerable<ReadItem> Read(string path, Func<Stream> open, CancellationToken cancellationToken);
}
