namespace ClassifyPipeline.Ingest;

/// <summary>
/// A reader that decodes a file's bytes itself, because the format names its own encoding
/// (an XML declaration). The ingestor hands such a reader the raw bytes instead of decoded text.
/// </summary>
public interface IByteArticleReader : IArticleReader
{
    /// <summary>Reads the raw bytes of <paramref name="path"/>. Never throws for bad content: it yields rejections.</summary>
    IEnumerable<ReadItem> Read(string path, byte[] bytes, CancellationToken cancellationToken);
}
