namespace ClassifyPipeline.Dedup;

/// <summary>A group of articles covering one story. The lead is its earliest article.</summary>
/// <param name="LeadTitle">The lead's headline when the lead is not among this run's articles (an earlier batch's, from the state).</param>
public sealed record Story(string Id, string LeadId, IReadOnlyList<string> Members, IReadOnlyList<SimilarityEdge> Edges, string? LeadTitle = null);
