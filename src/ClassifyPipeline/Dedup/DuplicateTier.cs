namespace ClassifyPipeline.Dedup;

/// <summary>
/// Which pairs of the join are re-publications (the duplicate tier): cosine at or above
/// <see cref="DedupOptions.DuplicateThreshold"/> and, when both articles have a <see cref="TextSketch"/> and
/// <see cref="DedupOptions.DuplicateContainment"/> is set, that share of the smaller body's word 5-grams in common
/// (a text of fewer than five words has none, and is decided by the cosine alone).
/// The cosine says the two use the same words; the shingles say they use them in the same order (the same text).
/// </summary>
internal sealed class DuplicateTier
{
    private readonly DedupOptions _options;
    private readonly Func<int, TextSketch?>? _sketchOf;
    private readonly HashSet<(int I, int J, double Cosine)>? _settled;

    public DuplicateTier(DedupOptions options, Func<int, TextSketch?> sketchOf)
    {
        _options = options;
        _sketchOf = sketchOf;
    }

    private DuplicateTier(DedupOptions options, HashSet<(int, int, double)> settled)
    {
        _options = options;
        _settled = settled;
    }

    /// <summary>Whether nodes <paramref name="i"/> and <paramref name="j"/>, at this cosine, are one text re-published.</summary>
    public bool IsDuplicate(int i, int j, double cosine)
    {
        if (cosine < _options.DuplicateThreshold)
            return false;
        if (_settled is not null)
            return _settled.Contains((i, j, cosine));
        if (_options.DuplicateContainment is not { } least || _sketchOf!(i) is not { } a || _sketchOf(j) is not { } b)
            return true;
        // fewer than five words: no shingles to compare word order with, the cosine decides
        if (a.Count == 0 || b.Count == 0)
            return true;
        return a.Containment(b) >= least;
    }

    /// <summary>
    /// This tier's answers for these edges, decided now, so the sketches can go before the clustering (300 bytes an
    /// article, 0.3 GiB at a million). The settled tier answers only for the edges given: any other pair is not a duplicate.
    /// </summary>
    public DuplicateTier Settle(IReadOnlyList<(int I, int J, double Cosine)> edges)
    {
        var settled = new HashSet<(int, int, double)>();
        foreach (var (i, j, cosine) in edges)
        {
            if (IsDuplicate(i, j, cosine))
                settled.Add((i, j, cosine));
        }
        return new DuplicateTier(_options, settled);
    }
}
