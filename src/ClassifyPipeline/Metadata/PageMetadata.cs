using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Metadata;

/// <summary>What an HTML page's markup says about its article (<see cref="HtmlMetadataReader"/>); null where it says nothing.</summary>
/// <param name="Title">The headline from JSON-LD or OpenGraph, for when the text extractor finds none.</param>
/// <param name="PublishedFrom">Which rule gave <see cref="Published"/> (see <see cref="HtmlDateReader"/>).</param>
public sealed record PageMetadata(string? Title, string? Author, string? Source, string? Url, string? Lang,
    PublishedTime? Published, PublishedTime? Modified, string? PublishedFrom);
