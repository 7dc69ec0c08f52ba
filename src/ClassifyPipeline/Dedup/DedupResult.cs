namespace ClassifyPipeline.Dedup;

/// <summary>Where the Dedup stage put one article.</summary>
/// <param name="DuplicateOf">The earliest copy when this article is a re-publication, else null.</param>
/// <param name="DuplicateSimilarity">Cosine to <paramref name="DuplicateOf"/>, when set.</param>
/// <param name="StorySimilarity">The highest cosine to another member of its story, or null for a story of one.</param>
public sealed record DedupAssignment(string Id, string StoryId, string? DuplicateOf, double? DuplicateSimilarity, double? StorySimilarity);

/// <summary>The Dedup stage's output: one assignment per article (canonical order) and the stories.</summary>
/// <param name="MergedStories">Stored stories the batch merged into another: alias → surviving story id (null: none).</param>
public sealed record DedupResult(IReadOnlyList<DedupAssignment> Assignments, IReadOnlyList<Story> Stories, IReadOnlyDictionary<string, string>? MergedStories = null);
