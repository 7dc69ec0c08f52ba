namespace ClassifyPipeline.State;

/// <summary>Everything one batch writes to the state, applied in one transaction.</summary>
/// <param name="Upserts">Batch articles, inserted or replaced (an existing article keeps its first-seen time).</param>
/// <param name="StoryMoves">Earlier articles whose story changed: article id → story id.</param>
/// <param name="DocumentFrequencyDeltas">Per term, how many more (or fewer) stored articles hold it.</param>
/// <param name="NewStories">Story ids created by this batch.</param>
/// <param name="Aliases">Stories that merged into another: alias → surviving id. Their remaining members and aliases follow.</param>
/// <param name="Now">The run's time (first-seen time of new articles and stories).</param>
public sealed record StateChanges(
    IReadOnlyList<StoredArticle> Upserts,
    IReadOnlyDictionary<string, string> StoryMoves,
    IReadOnlyDictionary<string, long> DocumentFrequencyDeltas,
    IReadOnlyList<string> NewStories,
    IReadOnlyDictionary<string, string> Aliases,
    DateTimeOffset Now);
