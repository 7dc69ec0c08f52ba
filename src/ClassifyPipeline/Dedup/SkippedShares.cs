using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// Each document's postings in the skippable (common) lists of a <see cref="PostingIndex"/>, again, by document: a
/// slot per posting (2c for a low posting of common term c, 2c + 1 for a high one) and its weight. Given the probe's
/// weight on each slot it skipped (zero elsewhere), a document's share of the skipped postings is one pass over its
/// few entries, contiguous in memory, instead of an exact cosine over all of its terms.
/// </summary>
internal sealed class SkippedShares
{
    private readonly int _lo;
    private readonly int[] _start;
    private readonly (int Slot, float Weight)[] _entries;

    /// <param name="common">Each term's common id, or −1.</param>
    /// <param name="cap">Each common term's cap: postings above it are high.</param>
    public SkippedShares(IReadOnlyList<SparseVector?> vectors, int lo, bool[] included, int[] common, float[] cap)
    {
        _lo = lo;
        _start = new int[included.Length + 1];
        for (var d = lo; d < lo + included.Length; d++)
        {
            var count = 0;
            if (included[d - lo])
            {
                foreach (var t in vectors[d]!.Indices)
                    count += common[t] >= 0 ? 1 : 0;
            }
            _start[d - lo + 1] = _start[d - lo] + count;
        }
        _entries = new (int, float)[_start[included.Length]];
        for (var d = lo; d < lo + included.Length; d++)
        {
            if (!included[d - lo])
                continue;
            var v = vectors[d]!;
            var at = _start[d - lo];
            for (var k = 0; k < v.Count; k++)
            {
                var t = v.Indices[k];
                if (common[t] >= 0)
                    _entries[at++] = (2 * common[t] + (v.Values[k] > cap[t] ? 1 : 0), v.Values[k]);
            }
        }
    }

    /// <summary>Σ over document <paramref name="d"/>'s entries of the probe's weight on the slot × the entry's weight, in float.</summary>
    public float Of(int d, ReadOnlySpan<float> skipped)
    {
        var entries = _entries.AsSpan(_start[d - _lo], _start[d - _lo + 1] - _start[d - _lo]);
        var sum = 0f;
        foreach (var (slot, weight) in entries)
            sum += skipped[slot] * weight;
        return sum;
    }
}
