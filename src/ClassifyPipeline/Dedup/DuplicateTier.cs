namespace ClassifyPipeline.Dedup;

/// <summary>
/// Which pairs of the join are re-publications (the duplicate tier): cosine at or above
/// <see cref="DedupOptions.DuplicateThreshold"/> and, when both articles have a <see cref="TextSketch"/> and
/// <see cref="DedupOptions.DuplicateContainment"/> is set, that share of the smaller body's word 5-grams in common
/// (a text of fewer than five words has none, and is decided by the cosine alone).
/// The cosine says the two use the same words; the shingles say they use them in the same order (the same text).
/// </summary>
internal sealed class DuplicateTier(DedupOptions options, Func<int, TextSketch?> sketchOf)
{
    /// <summary>Whether nodes <paramref name="i"/> and <paramref name="j"/>, at this cosine, are one text re-published.</summary>
    public bool IsDuplicate(int i, int j, double cosine)
    {
        if (cosine < options.DuplicateThreshold)
            return false;
        if (options.DuplicateContainment is not { } least || sketchOf(i) is not { } a || sketchOf(j) is not { } b)
            return true;
        // fewer than five words: no shingles to compare word order with, the cosine decides
        if (a.Count == 0 || b.Count == 0)
            return true;
        return a.Containment(b) >= least;
    }
}
