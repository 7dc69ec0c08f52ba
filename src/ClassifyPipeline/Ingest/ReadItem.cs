using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Ingest;

/// <summary>What a reader yields: an article or a rejection, never both.</summary>
public readonly record struct ReadItem(Article? Article, Rejection? Rejection)
{
    public static ReadItem Of(Article article) => new(article, null);
    public static ReadItem Rejected(string input, string? location, string reason) => new(null, new Rejection(input, location, reason));
}
