namespace ClassifyPipeline.State;

/// <summary>An article as the state holds it.</summary>
/// <param name="Published">The published time from the input, if any (Dedup's canonical order uses it as given).</param>
/// <param name="FirstSeen">When a run first stored the article: the window's fallback time when <paramref name="Published"/> is null.</param>
/// <param name="StoryId">The story it belongs to.</param>
/// <param name="Terms">Its term counts; null when loaded without them (story membership queries).</param>
/// <param name="Title">Its headline, so a later batch can take stances toward a lead stored earlier.</param>
public sealed record StoredArticle(string Id, DateTimeOffset? Published, DateTimeOffset FirstSeen, string StoryId, TermCounts? Terms, string? Title = null)
{
    /// <summary>The time the window compares: published, else first seen.</summary>
    public DateTimeOffset WindowTime => Published ?? FirstSeen;
}
