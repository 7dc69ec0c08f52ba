namespace ClassifyPipeline.Dedup;

/// <summary>Two articles that matched, how strongly, in which tier, and the terms that made the match.</summary>
/// <param name="From">The earlier article (in canonical order: published time, then id).</param>
/// <param name="To">The later article.</param>
public sealed record SimilarityEdge(string From, string To, double Cosine, EdgeTier Tier, IReadOnlyList<string> SharedTerms);

public enum EdgeTier
{
    /// <summary>Different articles about one story.</summary>
    Story,

    /// <summary>The same article re-published.</summary>
    Duplicate,
}
