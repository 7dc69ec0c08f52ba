namespace ClassifyPipeline.Ingest;

/// <summary>JSON Lines: one JSON object per line, field names as in the contract. A bad line is rejected alone.</summary>
public sealed class JsonLinesReader : IArticleReader
{
    public bool CanRead(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ReadItem> Read(string path, string content, CancellationToken cancellationToken)
    {
        var source = Path.GetFileNameWithoutExtension(path);
        using var reader = new StringReader(content);
        var lineNumber = 0;
        var any = false;
        while (reader.ReadLine() is { } line)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            any = true;
            yield return ReadLine(path, lineNumber, line, source);
        }
        if (!any)
            yield return ReadItem.Rejected(path, null, "empty file: no JSON lines");
    }

    private static ReadItem ReadLine(string path, int lineNumber, string line, string source)
    {
        var location = $"line {lineNumber}";
        using var document = JsonRecord.ParseObject(line, out var parseError);
        if (document is null)
            return ReadItem.Rejected(path, location, parseError!);
        var root = document.RootElement;
        var (article, error) = RecordFields.ToArticle(name => JsonRecord.Field(root, name), source);
        return article is null ? ReadItem.Rejected(path, location, error!) : ReadItem.Of(article with { Input = new(path, location) });
    }
}
