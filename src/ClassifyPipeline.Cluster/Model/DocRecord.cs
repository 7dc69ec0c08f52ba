using ClassifyPipeline.Articles;
using ClassifyPipeline.Corpus;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Cluster.Model;

/// <summary>A <see cref="CorpusDocument"/> as it crosses grain boundaries and is stored: published time as its ISO 8601 text, bag as its packed bytes.</summary>
[GenerateSerializer, Immutable]
public sealed record DocRecord(
    string Id,
    string? Published,
    long WindowTicks,
    long FirstSeenTicks,
    string StoryId,
    string? DuplicateOf,
    double? DuplicateSimilarity,
    byte[]? Bag,
    long BagHash,
    string? Title,
    string? Source)
{
    public static DocRecord From(CorpusDocument d) => new(
        d.Id, d.Published?.ToString(), d.WindowTime.UtcTicks, d.FirstSeen.UtcTicks, d.StoryId, d.DuplicateOf, d.DuplicateSimilarity,
        d.Bag?.Bytes.ToArray(), d.BagHash, d.Title, d.Source);

    public CorpusDocument ToDocument(bool withBag = true) => new(
        Id,
        Published is null ? null : PublishedTime.TryParse(Published, out var p) ? p : throw new InvalidDataException($"stored published time '{Published}' is not ISO 8601"),
        new DateTimeOffset(FirstSeenTicks, TimeSpan.Zero),
        StoryId,
        DuplicateOf,
        DuplicateSimilarity,
        withBag && Bag is not null ? TermBag.Decode(Bag) : null,
        BagHash,
        Title,
        Source);
}
