namespace ClassifyPipeline.State;

/// <summary>A read-only copy of what a state holds (for inspection and tests; it reads the whole state).</summary>
/// <param name="StoryOf">Article id → story id.</param>
/// <param name="Aliases">Merged-away story id → the id that survived.</param>
public sealed record StateSnapshot(
    long DocumentCount,
    IReadOnlyDictionary<string, long> DocumentFrequency,
    IReadOnlyDictionary<string, string> StoryOf,
    IReadOnlyDictionary<string, string> Aliases,
    IReadOnlyList<string> Stories)
{
    /// <summary>The story id a link holding <paramref name="storyId"/> resolves to today, or null if unknown.</summary>
    public string? Resolve(string storyId) =>
        Stories.Contains(storyId, StringComparer.Ordinal) ? storyId : Aliases.GetValueOrDefault(storyId);
}
