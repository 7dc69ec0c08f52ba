using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// A <c>.txt</c> file is one article; its title is not marked and is picked by the Clean stage, which also reads its
/// date, byline and outlet from the text. The source is never the folder the file lies in: a folder is not an outlet.
/// </summary>
public sealed class TextFileReader : IArticleReader
{
    public bool CanRead(string path) => path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ReadItem> Read(string path, string content, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            yield return ReadItem.Rejected(path, null, "empty file: no article text");
            yield break;
        }
        var id = GzipInput.Stem(path);
        yield return ReadItem.Of(new Article(id, null, null, null, content, null));
    }
}
