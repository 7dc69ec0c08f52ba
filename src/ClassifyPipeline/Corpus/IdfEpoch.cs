namespace ClassifyPipeline.Corpus;

/// <summary>
/// The document frequencies and document count the IDF of a window epoch was fitted on: every batch of the epoch
/// weighs terms, new and stored documents alike, with these, so cosines found by different batches of one epoch are
/// comparable. A batch refits (a new epoch) when the documents added since exceed
/// <see cref="Dedup.DedupOptions.IdfRefreshFraction"/> of <see cref="DocumentCount"/>.
/// </summary>
/// <param name="DocumentFrequency">By term id; terms added after the fit have no entry (their frequency counts as 0).</param>
public sealed record IdfEpoch(IReadOnlyList<long> DocumentFrequency, long DocumentCount);
