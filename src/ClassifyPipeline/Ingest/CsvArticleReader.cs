using System.Text;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// CSV with a header row naming the contract's fields (<c>text</c> or <c>body</c> required; see <see cref="RecordFields"/>).
/// The file is streamed a record at a time (<see cref="RecordSplitter"/>: a quoted field may span lines), so its size
/// does not matter; a record over <c>ingest.maxRecordBytes</c>, or one that does not fit the header, is rejected alone.
/// </summary>
public sealed class CsvArticleReader(int maxRecordBytes = 16 * 1024 * 1024) : IStreamingArticleReader
{
    public bool CanRead(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ReadItem> Read(string path, string content, CancellationToken cancellationToken) =>
        Read(path, () => new MemoryStream(Encoding.UTF8.GetBytes(content)), cancellationToken);

    public IEnumerable<ReadItem> Read(string path, Func<Stream> open, CancellationToken cancellationToken)
    {
        using var records = RecordSplitter.Open(open(), csv: true, maxRecordBytes);
        if (records.Error is { } error)
        {
            yield return ReadItem.Rejected(path, null, error);
            yield break;
        }
        var table = CsvTable.Open(Rows(records, cancellationToken));
        if (table is null)
        {
            yield return ReadItem.Rejected(path, null, "empty file: no CSV header");
            yield break;
        }
        var headerLocation = $"line {table.HeaderRow.Line}";
        if (table.HeaderRow.Problem is { } headerProblem)
        {
            yield return ReadItem.Rejected(path, headerLocation, "the CSV header: " + headerProblem);
            yield break;
        }
        if (!table.HasTextColumn)
        {
            yield return ReadItem.Rejected(path, headerLocation, CsvTable.NoTextColumn);
            yield break;
        }
        foreach (var record in table.Records())
        {
            var location = $"line {record.Line}";
            if (record.Error is { } recordError)
            {
                yield return ReadItem.Rejected(path, location, recordError);
                continue;
            }
            yield return ReaderGuard.Item(path, location, () =>
            {
                var (article, fieldError) = RecordFields.ToArticle(record.Field);
                return article is null ? ReadItem.Rejected(path, location, fieldError!) : ReadItem.Of(article with { Input = new(path, location) });
            }, cancellationToken);
        }
    }

    /// <summary>The file's CSV rows, parsed one record at a time; a record over the cap comes as a row with its <see cref="CsvRow.Problem"/>.</summary>
    private IEnumerable<CsvRow> Rows(RecordSplitter records, CancellationToken cancellationToken)
    {
        while (records.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            // line numbers beyond int range (two billion lines) are clamped in messages
            var line = (int)Math.Min(records.Line, int.MaxValue);
            if (records.Oversize)
            {
                var open = records.EndedInQuotes ? " (it ends the file inside a quoted field: a quote left open swallows the lines after it)" : "";
                yield return new CsvRow(line, [], Complete: true)
                {
                    Problem = $"record of {records.Bytes:N0} bytes is over ingest.maxRecordBytes ({maxRecordBytes:N0}){open}; skipped unread",
                };
                continue;
            }
            foreach (var row in CsvParser.Parse(new StringReader(records.Text())))
                yield return row with { Line = line };
        }
    }
}
