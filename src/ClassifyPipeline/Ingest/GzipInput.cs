using System.IO.Compression;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Gzip-compressed inputs (<c>articles.jsonl.gz</c>, <c>page.html.gz</c>): the kind is the name without <c>.gz</c>,
/// the bytes are decompressed as they are read, and whole-file kinds are capped on their decompressed size, so a
/// small file that inflates without end (a "gzip bomb") is rejected, not read into memory.
/// </summary>
public static class GzipInput
{
    private const string Suffix = ".gz";

    public static bool IsGzip(string path) => path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The name that says the file's kind: <paramref name="path"/> without a final <c>.gz</c>.</summary>
    public static string KindName(string path) => IsGzip(path) ? path[..^Suffix.Length] : path;

    /// <summary>The file name without its kind's extension (and <c>.gz</c>): the id of a one-article file.</summary>
    public static string Stem(string path) => Path.GetFileNameWithoutExtension(KindName(path));

    /// <summary>The stream of the file's content, decompressed when the name ends in <c>.gz</c>.</summary>
    public static Stream Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return IsGzip(path) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>The file's (decompressed) bytes, or null when they pass <paramref name="maxBytes"/>.</summary>
    public static byte[]? ReadAll(string path, long maxBytes)
    {
        if (!IsGzip(path))
            return new FileInfo(path).Length > maxBytes ? null : File.ReadAllBytes(path);
        using var stream = Open(path);
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
