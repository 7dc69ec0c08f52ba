using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// An inverted index over the unit vectors of a run of documents [<see cref="Lo"/>, <see cref="Hi"/>) (positions in
/// time order), postings in document order, with the bulk of each common term's postings set apart so that most
/// probes never walk them.
/// <para>
/// A term is <em>common</em> when more than <c>commonPostings</c> documents of the run hold it and its list is among the
/// <c>skippableTerms</c> longest; only common lists are ever skipped. Its postings split at a
/// cap c(t), about the weight of its top tenth: the <em>high</em> postings (weight above the cap) and the <em>low</em>
/// ones. A low posting adds at most y(t)·c(t) to a probe y's dot product with its document. A probe chooses
/// terms whose low postings it skips, the longest lists first, while the sum B of their y(t)·c(t) stays within a
/// budget below the threshold; it walks everything else. A document it never reached shares with it only skipped
/// low postings, so their cosine is below B, under the threshold; a document it reached is verified with its exact
/// cosine whenever its partial sum plus B can reach the threshold. The join stays exact. A probe may also skip a
/// term's whole list, bounded by the term's largest weight and the unit norm of documents (see <see cref="Accumulate"/>).
/// </para>
/// <para>
/// Each document's postings in the common lists are also kept by document (<see cref="SkippedShares"/>), so a
/// candidate's exact share of what a probe skipped (<see cref="Skipped"/>) is cheap: its sum plus that share is its
/// dot product up to float rounding, and only candidates reaching the threshold that way need the exact cosine.
/// </para>
/// </summary>
internal sealed class PostingIndex
{
    private readonly long[] _start;
    private readonly long[] _low;
    private readonly int[] _doc;
    private readonly float[] _weight;
    private readonly float[] _cap;
    private readonly float[] _max;
    private readonly int[] _common;
    private readonly SkippedShares _shares;

    /// <param name="include">Which documents of the run go into the index (null: all).</param>
    /// <param name="skippableTerms">How many of the longest lists (of terms in more than <paramref name="commonPostings"/> documents) are common.</param>
    public PostingIndex(IReadOnlyList<SparseVector?> vectors, int lo, int hi, int dims, Func<int, bool>? include, int commonPostings, int skippableTerms = int.MaxValue)
    {
        Vectors = vectors;
        Lo = lo;
        Hi = hi;
        Dims = dims;
        var included = new bool[hi - lo];
        var df = new long[dims];
        for (var d = lo; d < hi; d++)
        {
            if (include is not null && !include(d) || vectors[d] is not { } v)
                continue;
            Any = included[d - lo] = true;
            foreach (var t in v.Indices)
                df[t]++;
        }
        // the common terms: held by more than commonPostings documents, and among the skippableTerms longest lists
        var longest = Enumerable.Range(0, dims).Where(t => df[t] > commonPostings).ToArray();
        Array.Sort(longest, (a, b) => df[a] != df[b] ? df[b].CompareTo(df[a]) : a.CompareTo(b));
        _common = new int[dims];
        Array.Fill(_common, -1);
        foreach (var t in longest.AsSpan(0, Math.Min(longest.Length, skippableTerms)).ToArray().Order())
            _common[t] = CommonCount++;
        _start = new long[dims + 1];
        for (var t = 0; t < dims; t++)
            _start[t + 1] = df[t];
        for (var t = 0; t < dims; t++)
            _start[t + 1] += _start[t];
        _doc = new int[_start[dims]];
        _weight = new float[_start[dims]];
        _cap = new float[dims];
        _max = new float[dims];
        _low = new long[dims];

        // the caps: about the weight of each common term's top tenth
        var weightsOf = new float[_start[dims]];
        var fill = new long[dims];
        Array.Copy(_start, fill, dims);
        for (var d = lo; d < hi; d++)
        {
            if (!included[d - lo])
                continue;
            var v = vectors[d]!;
            for (var k = 0; k < v.Count; k++)
                weightsOf[fill[v.Indices[k]]++] = v.Values[k];
        }
        for (var t = 0; t < dims; t++)
        {
            var n = _start[t + 1] - _start[t];
            _cap[t] = float.PositiveInfinity;
            var span = weightsOf.AsSpan((int)_start[t], (int)n);
            if (_common[t] < 0)
            {
                _max[t] = LargestWeight(span);
                continue;
            }
            span.Sort();
            _max[t] = span[^1];
            _cap[t] = span[(int)(n - 1 - n / 10)];
        }

        _shares = new SkippedShares(vectors, lo, included, _common, _cap);

        // postings: per term its high ones, then its low ones, each in document order
        var highCount = new long[dims];
        for (var d = lo; d < hi; d++)
        {
            if (!included[d - lo])
                continue;
            var v = vectors[d]!;
            for (var k = 0; k < v.Count; k++)
            {
                if (v.Values[k] > _cap[v.Indices[k]])
                    highCount[v.Indices[k]]++;
            }
        }
        var highFill = new long[dims];
        for (var t = 0; t < dims; t++)
        {
            highFill[t] = _start[t];
            _low[t] = _start[t] + highCount[t];
        }
        var lowFill = (long[])_low.Clone();
        for (var d = lo; d < hi; d++)
        {
            if (!included[d - lo])
                continue;
            var v = vectors[d]!;
            for (var k = 0; k < v.Count; k++)
            {
                var t = v.Indices[k];
                var at = v.Values[k] > _cap[t] ? highFill[t]++ : lowFill[t]++;
                _doc[at] = d;
                _weight[at] = v.Values[k];
            }
        }
    }

    /// <summary>The vectors by position (those of the run are set).</summary>
    public IReadOnlyList<SparseVector?> Vectors { get; }

    public int Lo { get; }

    public int Hi { get; }

    public int Dims { get; }

    /// <summary>True when some document is in the index.</summary>
    public bool Any { get; }

    /// <summary>How many terms are common (only their lists may be skipped); a probe's skipped weights take 2 slots each.</summary>
    public int CommonCount { get; }

    /// <summary>
    /// What the postings a probe skipped add to its dot product with document <paramref name="d"/> (in float): the
    /// document's common terms weighed by <paramref name="skipped"/> as <see cref="Accumulate"/> filled it. The
    /// document's sum plus this is its whole dot product, up to float rounding.
    /// </summary>
    public float Skipped(int d, ReadOnlySpan<float> skipped) => _shares.Of(d, skipped);

    /// <summary>Sets back to zero what <see cref="Accumulate"/> wrote into <paramref name="skipped"/> for this probe.</summary>
    public void ClearSkipped(SparseVector probe, Span<float> skipped)
    {
        foreach (var t in probe.Indices)
        {
            if (t < Dims && _common[t] >= 0)
                skipped.Slice(2 * _common[t], 2).Clear();
        }
    }

    /// <summary>
    /// Adds probe · document into <paramref name="overlap"/>[document − Lo] for documents in [from, to), skipping
    /// whole posting lists, or the low postings of common terms, while a bound B on what they could add stays within
    /// <paramref name="budget"/>; returns B (every document's true dot product is at most its sum plus B).
    /// <para>
    /// The longest lists are considered first. A skipped list of term t holds weights at most u(t): the term's largest
    /// weight for a whole list, its cap for the low postings. What a document can gain from the skipped lists S is
    /// Σ y(t)·x(t) with x(t) ≤ u(t) and ‖x‖ ≤ 1, so at most min(Σ y(t)·u(t), ‖y_S‖·min(1, ‖u_S‖)) (Cauchy–Schwarz; the
    /// second bound is what lets a probe skip whole lists of terms it weighs little, as in L2AP).
    /// </para>
    /// </summary>
    /// <param name="wholeLists">False: skip low postings only, bounded by Σ y(t)·c(t) alone (the join before 2026-12-05, kept to measure against).</param>
    /// <param name="skipped">Zero on entry, 2 × <see cref="CommonCount"/> long: receives the probe's weight for each
    /// skipped common term's low postings (slot 2c) and high ones (slot 2c + 1), for <see cref="Skipped"/>.</param>
    public double Accumulate(SparseVector probe, int from, int to, double budget, float[] overlap, Span<int> order, bool wholeLists, Span<float> skipped)
    {
        var runs = new PostingRun[2 * probe.Count];
        var bound = Plan(probe, from, to, budget, order, wholeLists, skipped, runs, out var count);
        Walk(runs.AsSpan(0, count), overlap, to);
        return bound;
    }

    /// <summary>
    /// What <see cref="Accumulate"/> does before it walks: chooses the lists to skip, fills <paramref name="runs"/>
    /// (room for 2 per probe term) with the postings in [from, to) to walk, and returns the bound B.
    /// </summary>
    public double Plan(SparseVector probe, int from, int to, double budget, Span<int> order, bool wholeLists, Span<float> skipped, Span<PostingRun> runs, out int count)
    {
        var terms = order[..probe.Count];
        for (var k = 0; k < terms.Length; k++)
            terms[k] = k;
        if (wholeLists)
            terms.Sort((a, b) => Length(probe.Indices[b]).CompareTo(Length(probe.Indices[a])));
        else
            terms.Sort((a, b) => LowLength(probe.Indices[b]).CompareTo(LowLength(probe.Indices[a])));
        double yu = 0, yy = 0, uu = 0;
        // per term: 0 walk all, 1 skip the low postings, 2 skip the whole list
        Span<byte> skip = probe.Count <= 512 ? stackalloc byte[probe.Count] : new byte[probe.Count];
        foreach (var k in terms)
        {
            var t = probe.Indices[k];
            if (t >= Dims || (wholeLists ? Length(t) : LowLength(t)) == 0)
                break;
            if (_common[t] < 0)
                continue;
            double y = probe.Values[k];
            double max = _max[t];
            if (wholeLists && Bound(yu + y * max, yy + y * y, uu + max * max) <= budget)
            {
                (yu, yy, uu) = (yu + y * max, yy + y * y, uu + max * max);
                skip[k] = 2;
                skipped[2 * _common[t]] = skipped[2 * _common[t] + 1] = probe.Values[k];
                continue;
            }
            if (LowLength(t) == 0)
                continue;
            double cap = _cap[t];
            if ((wholeLists ? Bound(yu + y * cap, yy + y * y, uu + cap * cap) : yu + y * cap) <= budget)
            {
                (yu, yy, uu) = (yu + y * cap, yy + y * y, uu + cap * cap);
                skip[k] = 1;
                skipped[2 * _common[t]] = probe.Values[k];
            }
        }

        count = 0;
        for (var k = 0; k < probe.Count; k++)
        {
            var t = probe.Indices[k];
            if (t >= Dims || skip[k] == 2)
                continue;
            var wy = probe.Values[k];
            runs[count++] = Run(_start[t], _low[t], from, to, wy);
            if (skip[k] == 0)
                runs[count++] = Run(_low[t], _start[t + 1], from, to, wy);
        }
        return wholeLists ? Bound(yu, yy, uu) : yu;
    }

    /// <summary>How many postings of term <paramref name="t"/> (its high ones only, or all) fall in [from, to): what a probe walks.</summary>
    internal long Postings(int t, int from, int to, bool highOnly)
    {
        if (t >= Dims)
            return 0;
        long In(long lo, long hi) => PostingRun.FirstAtOrAfter(_doc, lo, hi, to) - PostingRun.FirstAtOrAfter(_doc, lo, hi, from);
        return In(_start[t], _low[t]) + (highOnly ? 0 : In(_low[t], _start[t + 1]));
    }

    /// <summary>The postings of term <paramref name="t"/> in [from, to), as posting positions; for an index without common terms, whose lists are one run each.</summary>
    internal (long Next, long End) Range(int t, int from, int to)
    {
        if (CommonCount > 0)
            throw new InvalidOperationException("lists of common terms come in two runs");
        var first = PostingRun.FirstAtOrAfter(_doc, _start[t], _start[t + 1], from);
        return (first, PostingRun.FirstAtOrAfter(_doc, first, _start[t + 1], to));
    }

    /// <summary>The common id of term <paramref name="t"/>, or −1.</summary>
    internal int CommonId(int t) => t < Dims ? _common[t] : -1;

    // unit vectors in float: a norm may exceed 1 by rounding, hence the slack
    private static double Bound(double yu, double yy, double uu) => Math.Min(yu, Math.Sqrt(yy) * Math.Min(1 + 1e-6, Math.Sqrt(uu)));

    private static float LargestWeight(ReadOnlySpan<float> weights)
    {
        var max = 0f;
        foreach (var w in weights)
            max = Math.Max(max, w);
        return max;
    }

    private long Length(int t) => t < Dims ? _start[t + 1] - _start[t] : 0;

    private long LowLength(int t) => t < Dims ? _start[t + 1] - _low[t] : 0;

    private PostingRun Run(long lo, long hi, int from, int to, float weight) => PostingRun.Within(_doc, lo, hi, from, to, weight);

    /// <summary>
    /// Adds the postings of <paramref name="runs"/> whose documents come before <paramref name="limit"/> into
    /// <paramref name="overlap"/>[document − Lo], and moves each run past them: walking a probe's runs a block of
    /// documents at a time keeps the block's sums in cache.
    /// </summary>
    public void Walk(Span<PostingRun> runs, float[] overlap, int limit)
    {
        ref var slot = ref MemoryMarshal.GetArrayDataReference(overlap);
        ref var doc0 = ref MemoryMarshal.GetArrayDataReference(_doc);
        ref var weight0 = ref MemoryMarshal.GetArrayDataReference(_weight);
        var lo = Lo;
        for (var r = 0; r < runs.Length; r++)
        {
            ref var run = ref runs[r];
            var (q, end, wy) = ((nint)run.Next, (nint)run.End, run.Weight);
            if (q < end && Unsafe.Add(ref doc0, end - 1) < limit)
            {
                // the whole rest of the run is before the limit: no test per posting
                for (; q < end; q++)
                    Unsafe.Add(ref slot, Unsafe.Add(ref doc0, q) - lo) += Unsafe.Add(ref weight0, q) * wy;
            }
            else
            {
                for (; q < end && Unsafe.Add(ref doc0, q) < limit; q++)
                    Unsafe.Add(ref slot, Unsafe.Add(ref doc0, q) - lo) += Unsafe.Add(ref weight0, q) * wy;
            }
            run.Next = q;
        }
    }
}
