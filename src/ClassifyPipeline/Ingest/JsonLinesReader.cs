using System.Text;
using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// JSON Lines: one JSON object per line, field names as in the contract (<see cref="RecordFields"/>). The file is
/// streamed a line at a time (<see cref="RecordSplitter"/>), so its size does not matter; a line over
/// <c>ingest.maxRecordBytes</c>, or one that is not a JSON object with text, is rejected alone.
/// </summary>
public sealed class JsonLinesReader(int maxRecordBytes = 16 * 1024 * 1024) : IStreamingArticleReader
{
    public bool CanRead(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ReadItem> Read(string path, string content, CancellationToken cancellationToken) =>
        Read(path, () => new MemoryStream(Encoding.UTF8.GetBytes(content)), cancellationToken);

    public IEnumerable<ReadItem> Read(string path, Func<Stream> open, CancellationToken cancellationToken)
    {
        using var lines = RecordSplitter.Open(open(), csv: false, maxRecordBytes);
        if (lines.Error is { } error)
        {
            yield return ReadItem.Rejected(path, null, error);
            yield break;
        }
        var any = false;
        while (lines.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (lines.IsBlank)
                continue;
            any = true;
            var location = $"line {lines.Line}";
            yield return lines.Oversize
                ? ReadItem.Rejected(path, location, $"line of {lines.Bytes:N0} bytes is over ingest.maxRecordBytes ({maxRecordBytes:N0}); skipped unread")
                : ReaderGuard.Item(path, location, () => ReadLine(path, location, lines), cancellationToken);
        }
        if (!any)
            yield return ReadItem.Rejected(path, null, "empty file: no JSON lines");
    }

    private static ReadItem ReadLine(string path, string location, RecordSplitter line)
    {
        using var document = line.IsUtf8 ? JsonRecord.ParseObject(line.Current, out var parseError) : JsonRecord.ParseObject(line.Text(), out parseError);
        if (document is null)
            return ReadItem.Rejected(path, location, parseError!);
        var root = document.RootElement;
        var (article, error) = RecordFields.ToArticle(name => name is "author" or "authors" ? JsonRecord.Names(root, name) : JsonRecord.Field(root, name));
        return article is null ? ReadItem.Rejected(path, location, error!) : ReadItem.Of(article with { Input = new(path, location) });
    }
}
