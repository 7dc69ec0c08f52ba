namespace ClassifyPipeline.Corpus;

/// <summary>
/// What the thread step keeps of a story: when it ran, who covered it, and its profile (the heaviest terms of the
/// centroid of its articles' TF-IDF vectors, unit length), so stories of any age can be linked into threads after
/// their articles' terms are let go.
/// </summary>
/// <param name="ThreadId">The thread the story belongs to.</param>
/// <param name="First">The earliest published time among its articles; null when none is dated.</param>
/// <param name="Last">The latest published time among its articles; null when none is dated.</param>
/// <param name="Size">How many articles it holds.</param>
/// <param name="Outlets">The outlets (sources) that covered it, ordinal order.</param>
/// <param name="FirstOutlet">The outlet of its earliest dated article (null when unknown).</param>
/// <param name="Profile">Its profile terms, heaviest first (ties by term, ordinal).</param>
public sealed record StorySummary(
    string StoryId,
    string ThreadId,
    string LeadId,
    string? LeadTitle,
    DateTimeOffset? First,
    DateTimeOffset? Last,
    int Size,
    IReadOnlyList<string> Outlets,
    string? FirstOutlet,
    IReadOnlyList<ProfileTerm> Profile);

/// <summary>One term of a story's profile and its weight.</summary>
public readonly record struct ProfileTerm(string Term, float Weight);
