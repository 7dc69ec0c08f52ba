namespace ClassifyPipeline.State;

/// <summary>A read-only copy of what a state holds (for inspection and tests; it reads the whole state).</summary>
/// <param name="DocumentFrequency">Term → number of stored documents holding it (terms held by none left out).</param>
/// <param name="StoryOf">Article id → story id.</param>
/// <param name="Aliases">Merged-away story id → the id that survived.</param>
/// <param name="Bags">How many documents still keep their terms.</param>
public sealed record StateSnapshot(
    long DocumentCount,
    IReadOnlyDictionary<string, long> DocumentFrequency,
    IReadOnlyDictionary<string, string> StoryOf,
    IReadOnlyDictionary<string, string> Aliases,
    IReadOnlyList<string> Stories,
    int Bags,
    int Edges)
{
    /// <summary>The story id a link holding <paramref name="storyId"/> resolves to today, or null if unknown.</summary>
    public string? Resolve(string storyId) =>
        Stories.Contains(storyId, StringComparer.Ordinal) ? storyId : Aliases.GetValueOrDefault(storyId);
}
