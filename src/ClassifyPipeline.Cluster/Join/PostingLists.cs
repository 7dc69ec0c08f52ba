using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Cluster.Join;

/// <summary>
/// An inverted index over unit vectors of documents in (window time, id) order, for <see cref="ProbeIndex"/>: per
/// term, its postings in document order, split (for a common term) into the high ones above a cap of about the
/// weight of its top tenth, and the low ones. A probe may skip the low postings of the terms with the longest low
/// lists while the sum B of their bounds (probe weight times cap) stays within half the threshold: a document's dot
/// product with the probe is then at most what was summed plus B, and one never reached is below the threshold.
/// The same scheme as the local join's posting index, built over one grain's documents.
/// </summary>
internal sealed class PostingLists
{
    /// <summary>A term is common when more documents than this (or 1/64 of the index) hold it.</summary>
    private const int MinCommonPostings = 256;

    /// <summary>How much of the threshold a probe may leave to skipped low postings.</summary>
    private const double SkipBudget = 0.5;

    private readonly long[] _ticks;
    private readonly string[] _ids;
    private readonly int[] _start;
    private readonly int[] _low;
    private readonly int[] _doc;
    private readonly float[] _weight;
    private readonly float[] _cap;

    /// <param name="entries">The documents, sorted by window time, then id (ordinal).</param>
    public PostingLists(ProbeIndex.Entry[] entries, int dims)
    {
        Entries = entries;
        _ticks = entries.Select(e => e.WindowTicks).ToArray();
        _ids = entries.Select(e => e.Id).ToArray();
        _start = new int[dims + 1];
        foreach (var e in entries)
        {
            foreach (var t in e.Vector.Indices)
                _start[t + 1]++;
        }
        for (var t = 0; t < dims; t++)
            _start[t + 1] += _start[t];

        var weights = new float[_start[dims]];
        var fill = (int[])_start.Clone();
        foreach (var e in entries)
        {
            for (var k = 0; k < e.Vector.Count; k++)
                weights[fill[e.Vector.Indices[k]]++] = e.Vector.Values[k];
        }
        var common = Math.Max(MinCommonPostings, entries.Length / 64);
        _cap = new float[dims];
        var high = new int[dims];
        for (var t = 0; t < dims; t++)
        {
            var n = _start[t + 1] - _start[t];
            _cap[t] = float.PositiveInfinity;
            if (n <= common)
                continue;
            var span = weights.AsSpan(_start[t], n);
            span.Sort();
            _cap[t] = span[n - 1 - n / 10];
            foreach (var w in span)
                high[t] += w > _cap[t] ? 1 : 0;
        }

        _low = new int[dims];
        var highFill = new int[dims];
        for (var t = 0; t < dims; t++)
            (highFill[t], _low[t]) = (_start[t], _start[t] + high[t]);
        var lowFill = (int[])_low.Clone();
        _doc = new int[_start[dims]];
        _weight = new float[_start[dims]];
        for (var e = 0; e < entries.Length; e++)
        {
            var v = entries[e].Vector;
            for (var k = 0; k < v.Count; k++)
            {
                var t = v.Indices[k];
                var at = v.Values[k] > _cap[t] ? highFill[t]++ : lowFill[t]++;
                _doc[at] = e;
                _weight[at] = v.Values[k];
            }
        }
    }

    public ProbeIndex.Entry[] Entries { get; }

    public int Count => Entries.Length;

    /// <summary>The first position whose window time is at least <paramref name="ticks"/>.</summary>
    public int AtOrAfter(long ticks)
    {
        int lo = 0, hi = _ticks.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_ticks[mid] < ticks)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    /// <summary>The first position at or after (<paramref name="ticks"/>, <paramref name="id"/>) in the index's order.</summary>
    public int Before(long ticks, string id)
    {
        int lo = 0, hi = _ticks.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_ticks[mid] < ticks || _ticks[mid] == ticks && string.CompareOrdinal(_ids[mid], id) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// Adds the probe's products with the documents in [lo, hi) into <paramref name="scratch"/> (float sums, as the
    /// local join's); returns the bound B of what skipped postings could have added to any document.
    /// </summary>
    public double Accumulate(SparseVector probe, int lo, int hi, double threshold, ProbeScratch scratch)
    {
        var count = probe.Count;
        var order = scratch.Order(count);
        var lengths = scratch.Lengths(count);
        var skip = scratch.Skip(count);
        for (var k = 0; k < count; k++)
        {
            order[k] = k;
            lengths[k] = probe.Indices[k] < _cap.Length ? _start[probe.Indices[k] + 1] - _low[probe.Indices[k]] : 0;
            skip[k] = false;
        }
        // the longest low lists first
        lengths.Sort(order, Comparer<int>.Create((a, b) => b.CompareTo(a)));
        double skipped = 0;
        for (var r = 0; r < count && lengths[r] > 0; r++)
        {
            var k = order[r];
            var bound = (double)probe.Values[k] * _cap[probe.Indices[k]];
            if (skipped + bound > SkipBudget * threshold)
                continue;
            skipped += bound;
            skip[k] = true;
        }
        for (var k = 0; k < count; k++)
        {
            var t = probe.Indices[k];
            if (t >= _cap.Length)
                continue;
            var wy = probe.Values[k];
            Walk(_start[t], _low[t], lo, hi, wy, scratch);
            if (!skip[k])
                Walk(_low[t], _start[t + 1], lo, hi, wy, scratch);
        }
        return skipped;
    }

    /// <summary>Adds the products of the postings in [from, to) whose documents lie in [lo, hi).</summary>
    private void Walk(int from, int to, int lo, int hi, float wy, ProbeScratch scratch)
    {
        int a = from, b = to;
        while (a < b)
        {
            var mid = (a + b) >>> 1;
            if (_doc[mid] < lo)
                a = mid + 1;
            else
                b = mid;
        }
        var sums = scratch.Sums;
        for (var at = a; at < to; at++)
        {
            var e = _doc[at];
            if (e >= hi)
                break;
            sums[e] += _weight[at] * wy;
        }
    }
}
