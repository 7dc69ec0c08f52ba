namespace ClassifyPipeline.Ingest;

/// <summary>CSV with a header row naming the contract's fields (<c>text</c> or <c>body</c> required).</summary>
public sealed class CsvArticleReader : IArticleReader
{
    public bool CanRead(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ReadItem> Read(string path, string content, CancellationToken cancellationToken)
    {
        var source = Path.GetFileNameWithoutExtension(path);
        using var reader = new StringReader(content);
        Dictionary<string, int>? header = null;
        foreach (var row in CsvParser.Parse(reader))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (header is null)
            {
                header = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < row.Fields.Length; i++)
                    header.TryAdd(row.Fields[i].Trim(), i);
                if (!header.ContainsKey("text") && !header.ContainsKey("body"))
                {
                    yield return ReadItem.Rejected(path, "line 1", "the CSV header has no 'text' or 'body' column");
                    yield break;
                }
                continue;
            }

            var location = $"line {row.Line}";
            if (!row.Complete)
            {
                yield return ReadItem.Rejected(path, location, "unterminated quoted field at end of file");
                continue;
            }
            if (row.Fields.Length != header.Count)
            {
                yield return ReadItem.Rejected(path, location, $"expected {header.Count} fields as in the header, found {row.Fields.Length}");
                continue;
            }
            var fields = row.Fields;
            var (article, error) = RecordFields.ToArticle(name => header.TryGetValue(name, out var i) ? fields[i] : null, source);
            yield return article is null ? ReadItem.Rejected(path, location, error!) : ReadItem.Of(article);
        }
        if (header is null)
            yield return ReadItem.Rejected(path, null, "empty file: no CSV header");
    }
}
