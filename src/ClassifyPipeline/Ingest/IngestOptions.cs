using System.ComponentModel.DataAnnotations;

namespace ClassifyPipeline.Ingest;

/// <summary>The <c>ingest</c> section of pipeline.json.</summary>
public sealed class IngestOptions
{
    /// <summary>
    /// Files of a whole-file kind (.txt, .html/.htm, feeds) larger than this are rejected unread (gzip-compressed ones: once their decompressed
    /// content passes it, so a small file that inflates without end is refused). JSON Lines and CSV
    /// are streamed record by record and are not capped as a whole: <see cref="MaxRecordBytes"/> caps each record.
    /// </summary>
    [Range(1, 4L * 1024 * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Articles whose body is longer than this (in characters) are rejected.</summary>
    [Range(1, int.MaxValue)]
    public int MaxArticleChars { get; set; } = 1_000_000;

    /// <summary>Articles whose body is shorter than this (in characters, after trimming) are rejected as empty.</summary>
    [Range(0, int.MaxValue)]
    public int MinArticleChars { get; set; } = 1;

    /// <summary>
    /// A JSON Lines line or CSV record larger than this, in bytes, is rejected alone; its bytes are skipped, never held.
    /// </summary>
    [Range(1, 1024 * 1024 * 1024)]
    public int MaxRecordBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Feed items whose title and content (markup included) are longer than this, in characters, are rejected.</summary>
    [Range(1, int.MaxValue)]
    public int MaxItemChars { get; set; } = 2_000_000;
}
