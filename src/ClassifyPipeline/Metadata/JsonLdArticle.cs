namespace ClassifyPipeline.Metadata;

/// <summary>What a page's JSON-LD says about its article (values as written; null where it says nothing).</summary>
/// <param name="Type">The schema.org type of the object the values come from (<c>NewsArticle</c>, <c>WebPage</c>…).</param>
/// <param name="Authors">Author names in order (people or organizations).</param>
/// <param name="Publisher">The publisher's name (the outlet).</param>
/// <param name="Site">The name of the <c>WebSite</c> object beside the article, when there is one.</param>
public sealed record JsonLdArticle(string? Type, string? Published, string? Modified, string? Created, string? Headline,
    IReadOnlyList<string> Authors, string? Publisher, string? Site, string? Lang, string? Url);
