using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Ingest;

/// <summary>A <c>.txt</c> file is one article; its title is not marked and is picked by the Clean stage.</summary>
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
        var id = Path.GetFileNameWithoutExtension(path);
        yield return ReadItem.Of(new Article(id, Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? "file", null, null, content, null));
    }
}
