namespace ClassifyPipeline.Dedup;

/// <summary>A group of articles covering one story. The lead is its earliest article.</summary>
public sealed record Story(string Id, string LeadId, IReadOnlyList<string> Members, IReadOnlyList<SimilarityEdge> Edges);
