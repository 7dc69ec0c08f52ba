namespace ClassifyPipeline.Corpus;

/// <summary>What a batch's thread step writes to the corpus state, with the batch's other changes (same commit).</summary>
/// <param name="Upserts">Story summaries inserted or replaced (new stories, stories the batch grew, stories moved to another thread).</param>
/// <param name="RemovedStories">Stories merged away by the batch: their summaries are dropped (their articles' story is an alias now).</param>
/// <param name="Aliases">Threads merged into another: alias → surviving thread id; earlier aliases of the alias follow.</param>
public sealed record ThreadChanges(
    IReadOnlyList<StorySummary> Upserts,
    IReadOnlyList<string> RemovedStories,
    IReadOnlyDictionary<string, string> Aliases);

/// <summary>The threads a state holds: every live story's summary, and the merged-away thread ids (alias → surviving id).</summary>
public sealed record StoredThreads(IReadOnlyList<StorySummary> Stories, IReadOnlyDictionary<string, string> Aliases)
{
    public static readonly StoredThreads Empty = new([], new Dictionary<string, string>());
}
