using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Metadata;

/// <summary>What the lines of an article's text say about it (<see cref="TextMetadataReader"/>); null where they say nothing.</summary>
/// <param name="MetadataLines">The indexes of the lines that are metadata and not article text (datelines, bylines, "Published on …").</param>
public sealed record TextMetadata(PublishedTime? Published, PublishedTime? Modified, string? Author, string? Source, IReadOnlySet<int> MetadataLines)
{
    /// <summary>
    /// The article with each field it lacks filled from these; a field it has is kept. When neither the article nor its
    /// text states when it was published, the modified date stands in for it (and stays the modified date too). When
    /// neither names the outlet, the host of the article's URL does.
    /// </summary>
    public Article Complete(Article article) =>
        article with
        {
            Published = article.Published ?? Published ?? article.Modified ?? Modified,
            Modified = article.Modified ?? Modified,
            Author = article.Author ?? Author,
            Source = article.Source ?? Source ?? Host(article.Url),
        };

    /// <summary>The host of a URL without a leading "www.", the outlet's name of last resort.</summary>
    public static string? Host(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host)
            : null;
}
