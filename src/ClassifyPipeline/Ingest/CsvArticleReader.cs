namespace ClassifyPipeline.Ingest;

/// <summary>CSV with a header row naming the contract's fields (<c>text</c> or <c>body</c> required).</summary>
public sealed class CsvArticleReader : IArticleReader
{
    public bool CanRead(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ReadItem> Read(string path, string content, CancellationToken cancellationToken)
    {
        var table = CsvTable.Open(content);
        if (table is null)
        {
            yield return ReadItem.Rejected(path, null, "empty file: no CSV header");
            yield break;
        }
        if (!table.HasTextColumn)
        {
            yield return ReadItem.Rejected(path, "line 1", CsvTable.NoTextColumn);
            yield break;
        }
        var source = Path.GetFileNameWithoutExtension(path);
        foreach (var record in table.Records())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var location = $"line {record.Line}";
            if (record.Error is { } recordError)
            {
                yield return ReadItem.Rejected(path, location, recordError);
                continue;
            }
            var (article, error) = RecordFields.ToArticle(record.Field, source);
            yield return article is null ? ReadItem.Rejected(path, location, error!) : ReadItem.Of(article with { Input = new(path, location) });
        }
    }
}
