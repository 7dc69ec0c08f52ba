namespace ClassifyPipeline.Corpus;

/// <summary>Everything one batch writes to the corpus state, applied in one transaction.</summary>
/// <param name="NewTerms">Terms first seen in this batch: id → term (ids continue the stored ones).</param>
/// <param name="DocumentFrequencyDeltas">Per term id, how many more (or fewer) stored documents hold it.</param>
/// <param name="DocumentCountDelta">How many more documents the corpus holds.</param>
/// <param name="Upserts">Documents inserted or replaced, with their bags (null: the bag is not kept).</param>
/// <param name="Updates">Stored documents whose story or duplicate status changed (their bags untouched).</param>
/// <param name="RemovedEdges">Stored edges to delete (by their two ends).</param>
/// <param name="Edges">Edges to insert or update.</param>
/// <param name="ReleaseBefore">Documents whose window time is before this let go of their bags, and edges whose two ends
/// both are are deleted: no later batch can reach them (null: nothing released).</param>
/// <param name="NewStories">Story ids created by this batch.</param>
/// <param name="Aliases">Stories merged into another: alias → surviving id; their remaining members and aliases follow.</param>
/// <param name="Now">The run's time.</param>
/// <param name="RefitIdfEpoch">The batch fitted a new IDF epoch: once the frequency deltas are applied, the state's
/// <see cref="IdfEpoch"/> becomes its document frequencies and document count.</param>
public sealed record CorpusChanges(
    IReadOnlyDictionary<int, string> NewTerms,
    IReadOnlyDictionary<int, long> DocumentFrequencyDeltas,
    long DocumentCountDelta,
    IReadOnlyList<CorpusDocument> Upserts,
    IReadOnlyList<CorpusDocument> Updates,
    IReadOnlyList<(string From, string To)> RemovedEdges,
    IReadOnlyList<CorpusEdge> Edges,
    DateTimeOffset? ReleaseBefore,
    IReadOnlyList<string> NewStories,
    IReadOnlyDictionary<string, string> Aliases,
    DateTimeOffset Now,
    bool RefitIdfEpoch = false);
