using ClassifyPipeline.Articles;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Corpus;

/// <summary>A document as the corpus state holds it.</summary>
/// <param name="Published">When it was published, as its input said; null when undated.</param>
/// <param name="FirstSeen">When a run first stored it: its window time when undated.</param>
/// <param name="StoryId">The story it belongs to.</param>
/// <param name="DuplicateOf">The earliest copy it re-publishes, if it is a re-publication.</param>
/// <param name="Bag">Its terms; null once let go (outside the window, its stories settled) or when loaded without them.</param>
/// <param name="BagHash">The hash of its terms (<see cref="TermBag.Hash"/>), kept when the bag is let go.</param>
public sealed record CorpusDocument(
    string Id,
    PublishedTime? Published,
    DateTimeOffset FirstSeen,
    string StoryId,
    string? DuplicateOf,
    double? DuplicateSimilarity,
    TermBag? Bag,
    long BagHash,
    string? Title,
    string? Source)
{
    /// <summary>The time the window compares: published, else first seen.</summary>
    public DateTimeOffset WindowTime => Published?.Instant ?? FirstSeen;
}
