namespace ClassifyPipeline.Articles;

/// <summary>One news article as it enters the pipeline. Stages add their own result types instead of changing it.</summary>
/// <param name="Source">The outlet that published it (never the input folder or file name); null when the input does not say.</param>
/// <param name="Url">The canonical URL, when known.</param>
/// <param name="Published">When it was published, at the precision the input gave.</param>
public sealed record Article(
    string Id,
    string? Source,
    string? Url,
    string? Title,
    string Body,
    PublishedTime? Published)
{
    /// <summary>The byline: author names as the input gives them, comma-separated.</summary>
    public string? Author { get; init; }

    /// <summary>The language (BCP 47 tag, e.g. <c>en</c>) when the input states it.</summary>
    public string? Lang { get; init; }

    /// <summary>When it was last modified, kept apart from <see cref="Published"/>.</summary>
    public PublishedTime? Modified { get; init; }

    /// <summary>Where it was read: the file, and the item or line within it.</summary>
    public InputPosition? Input { get; init; }
}

/// <summary>Where an article was read.</summary>
/// <param name="File">The input file.</param>
/// <param name="Location">"line 12", "item 3", "row 7"; null when the file is the article.</param>
public sealed record InputPosition(string File, string? Location);
