namespace ClassifyPipeline.Cluster.Model;

/// <summary>The term statistics and settings one batch commits (with the commit itself).</summary>
/// <param name="NewTerms">Terms first seen: id → term (ids continue the stored ones).</param>
/// <param name="Slices">The time range of the documents this batch stored, per slice.</param>
/// <param name="ReleasedBeforeTicks">The cutoff this batch released bags before, if any.</param>
/// <param name="RefitIdfEpoch">The batch fitted a new IDF epoch: the frequencies as it leaves them become the epoch's.</param>
[GenerateSerializer, Immutable]
public sealed record CatalogChanges(
    Dictionary<int, string> NewTerms,
    Dictionary<int, long> DocumentFrequencyDeltas,
    long DocumentCountDelta,
    Dictionary<string, string> Settings,
    SliceRange[] Slices,
    long? ReleasedBeforeTicks,
    bool RefitIdfEpoch);

/// <summary>A slice that holds documents, and the window times they span.</summary>
[GenerateSerializer, Immutable]
public readonly record struct SliceRange(long Slice, long MinTicks, long MaxTicks);

/// <summary>What a session starts from: the layout, the size of the vocabulary, the settings, the slices, and the
/// document count of the IDF epoch (null: none fitted yet).</summary>
[GenerateSerializer, Immutable]
public sealed record CatalogView(CorpusLayout Layout, int TermCount, long DocumentCount, Dictionary<string, string> Settings, SliceRange[] Slices, long? ReleasedBeforeTicks, long? EpochDocuments);

/// <summary>A run of the vocabulary: terms by id from a start, with their document frequencies now and in the IDF epoch's fit (0: not seen then).</summary>
[GenerateSerializer, Immutable]
public sealed record VocabularyChunk(string[] Terms, long[] DocumentFrequency, long[] EpochFrequency);

/// <summary>Where a batch stands: committed, aborted (or never begun), or still running.</summary>
[GenerateSerializer]
public enum BatchOutcome
{
    Aborted,
    Committed,
    Active,
}
