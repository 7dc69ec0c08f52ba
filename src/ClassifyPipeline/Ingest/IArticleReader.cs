namespace ClassifyPipeline.Ingest;

/// <summary>Reads one kind of input (a file format) into articles and rejections.</summary>
public interface IArticleReader
{
    /// <summary>True when this reader handles the given file, judged by its name.</summary>
    bool CanRead(string path);

    /// <summary>Reads the already-decoded text of <paramref name="path"/>. Never throws for bad content: it yields rejections.</summary>
    IEnumerable<ReadItem> Read(string path, string content, CancellationToken cancellationToken);
}
