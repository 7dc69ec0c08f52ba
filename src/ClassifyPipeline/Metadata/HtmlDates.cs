using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Metadata;

/// <summary>The dates of an HTML page (<see cref="HtmlDateReader"/>).</summary>
/// <param name="PublishedFrom">Which rule gave the published date ("json-ld", "meta", "url"…), for diagnostics and tests.</param>
public sealed record HtmlDates(PublishedTime? Published, PublishedTime? Modified, string? PublishedFrom);
