using ClassifyPipeline.Cluster.Model;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Cluster.Join;

/// <summary>
/// One slice grain's part of a batch's join: an inverted index over its documents (stored ones with bags, and the
/// batch's staged ones) in time order, probed by new batch articles. A probe accumulates its dot product with every
/// document it shares a term with, among those within the window of it (all, for an undated probe); a document whose
/// sum comes within a rounding margin of the threshold is verified with <see cref="SparseVector.Dot"/>, the exact
/// cosine the local join computes (shared terms in ascending order, in double precision), so the pairs are the
/// exhaustive search's, with the same cosines, wherever they are found.
/// <para>
/// Each pair is reported by exactly one grain: a pair of a new article and a stored (or unchanged) document by the
/// grain that holds the document, when the article probes it; a pair of two new articles, which probe each other's
/// grains, by the grain holding the one whose id sorts first, except that a dated new article and an undated one pair
/// where the dated one is indexed (undated articles probe every grain; dated ones do not probe the undated grains).
/// </para>
/// </summary>
internal sealed class ProbeIndex
{
    // sums of the same products in another order differ by far less than this
    private const double Margin = 1e-9;

    private readonly Entry[] _entries;
    private readonly long[] _ticks;
    private readonly int[] _start;
    private readonly int[] _doc;
    private readonly float[] _weight;
    private readonly IdfWeights _idf;
    private readonly JoinSettings _settings;

    public ProbeIndex(IEnumerable<Entry> entries, IdfWeights idf, JoinSettings settings)
    {
        _idf = idf;
        _settings = settings;
        _entries = entries.ToArray();
        Array.Sort(_entries, (a, b) => a.WindowTicks != b.WindowTicks ? a.WindowTicks.CompareTo(b.WindowTicks) : string.CompareOrdinal(a.Id, b.Id));
        _ticks = _entries.Select(e => e.WindowTicks).ToArray();
        var dims = idf.Count;
        _start = new int[dims + 1];
        foreach (var e in _entries)
        {
            foreach (var t in e.Vector.Indices)
                _start[t + 1]++;
        }
        for (var t = 0; t < dims; t++)
            _start[t + 1] += _start[t];
        _doc = new int[_start[dims]];
        _weight = new float[_start[dims]];
        var fill = (int[])_start.Clone();
        for (var e = 0; e < _entries.Length; e++)
        {
            var v = _entries[e].Vector;
            for (var k = 0; k < v.Count; k++)
            {
                var at = fill[v.Indices[k]]++;
                _doc[at] = e;
                _weight[at] = v.Values[k];
            }
        }
    }

    public int Count => _entries.Length;

    /// <summary>The pairs of these probes with the indexed documents that this grain reports, probe by probe.</summary>
    public ProbeAnswer Probe(IReadOnlyList<ProbeDoc> probes, CancellationToken cancellationToken = default)
    {
        var found = new List<(int Entry, double Cosine)>?[probes.Count];
        Parallel.For(0, probes.Count, new ParallelOptions { CancellationToken = cancellationToken },
            () => new Scratch(_entries.Length),
            (p, _, scratch) =>
            {
                found[p] = Probe(probes[p], scratch);
                return scratch;
            },
            _ => { });
        var pairs = new List<FoundPair>();
        var reached = new Dictionary<string, DocRecord>(StringComparer.Ordinal);
        for (var p = 0; p < probes.Count; p++)
        {
            foreach (var (e, cosine) in found[p] ?? [])
            {
                pairs.Add(new FoundPair(_entries[e].Id, probes[p].Id, cosine));
                if (_entries[e].Stored is { } stored)
                    reached.TryAdd(stored.Id, stored);
            }
        }
        return new ProbeAnswer([.. pairs], [.. reached.Values]);
    }

    private List<(int Entry, double Cosine)>? Probe(ProbeDoc y, Scratch scratch)
    {
        var vector = _idf.Vector(TermBag.Decode(y.Bag));
        if (vector.Count == 0 || _entries.Length == 0)
            return null;
        var (lo, hi) = y.Undated ? (0, _entries.Length) : (LowerBound(_ticks, y.WindowTicks - _settings.WindowTicks), LowerBound(_ticks, y.WindowTicks + _settings.WindowTicks + 1));
        if (lo >= hi)
            return null;
        var acc = scratch.Sums;
        var touched = scratch.Touched;
        touched.Clear();
        for (var k = 0; k < vector.Count; k++)
        {
            var t = vector.Indices[k];
            var wy = (double)vector.Values[k];
            var end = _start[t + 1];
            for (var at = FirstAtOrAfter(_start[t], end, lo); at < end && _doc[at] < hi; at++)
            {
                var e = _doc[at];
                if (acc[e] == 0)
                    touched.Add(e);
                acc[e] += _weight[at] * wy;
            }
        }
        List<(int, double)>? result = null;
        foreach (var e in touched)
        {
            var sum = acc[e];
            acc[e] = 0;
            if (sum < _settings.Threshold - Margin || !Reports(_entries[e], y))
                continue;
            var cosine = _entries[e].Vector.Dot(vector);
            if (cosine >= _settings.Threshold)
                (result ??= []).Add((e, Math.Min(1.0, cosine)));
        }
        return result;
    }

    /// <summary>Whether this grain reports the pair of indexed document <paramref name="x"/> and probe <paramref name="y"/> (see the class summary).</summary>
    private bool Reports(Entry x, ProbeDoc y)
    {
        if (x.Id == y.Id)
            return false;
        if (x.Stored is not null && y.Undated && (x.WindowTicks < _settings.FromTicks || x.WindowTicks > _settings.ToTicks))
            return false;
        if (!x.IsNew)
            return true;
        if (x.Undated && !y.Undated)
            throw new InvalidOperationException($"a dated article ({y.Id}) probed the undated articles of the batch");
        return x.Undated != y.Undated || string.CompareOrdinal(x.Id, y.Id) < 0;
    }

    /// <summary>The first position in the sorted <paramref name="values"/> at or above <paramref name="target"/>.</summary>
    private static int LowerBound(long[] values, long target)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid] < target)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    /// <summary>The first posting in [lo, hi) whose document is at least <paramref name="target"/>.</summary>
    private int FirstAtOrAfter(int lo, int hi, int target)
    {
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_doc[mid] < target)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    /// <summary>A document of the index.</summary>
    /// <param name="IsNew">A batch article with terms new to the state (stored and unchanged batch documents are not).</param>
    /// <param name="Undated">A batch article without a published time (held by the batch's undated grains).</param>
    /// <param name="Stored">The stored document (null for a staged batch article).</param>
    public sealed record Entry(string Id, long WindowTicks, bool IsNew, bool Undated, SparseVector Vector, DocRecord? Stored);

    private sealed class Scratch(int count)
    {
        public double[] Sums { get; } = new double[count];

        public List<int> Touched { get; } = [];
    }
}
