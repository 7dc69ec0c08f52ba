using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// Exact cosine threshold join over unit vectors through an inverted index, never all pairs.
/// <list type="number">
/// <item>Every weight goes into the index, postings in document order.</item>
/// <item>Each document probes the index for earlier documents inside its window only (<c>windowStart</c>: with documents
/// in time order, a time window), accumulating the dot product in a dense slot per document of the window: no
/// bookkeeping of which documents were reached, and no work at all for documents sharing no term.</item>
/// <item>The accumulated sums are single precision; a document within a rounding bound of the threshold is verified with its
/// exact cosine (the whole vector against the probe scattered densely, in double precision), so the result is the
/// exhaustive search's, pair for pair (tested against <see cref="AllPairsSimilarity"/>).</item>
/// </list>
/// Prefix filtering (AllPairs / L2AP) was tried first and dropped: at the calibrated story threshold (0.15) its bounds
/// let almost every pair that shares a term through to verification, which cost several times this whole join.
/// Probes run in parallel, each writing only its own result slot, and every sum is taken in a fixed order,
/// so the output does not depend on the number of threads.
/// </summary>
public static class SimilarityJoin
{
    // A single-precision sum of k non-negative products whose exact total is at most 1 (unit vectors) errs by at most
    // about k·2⁻²⁴; with k ≤ the probe's term count, twice that (and at least 1e-4) is a safe margin.
    private static float RoundingMargin(int terms) => Math.Max(1e-4f, terms * 1.2e-7f);

    /// <summary>
    /// Pairs (i, j) with i &lt; j, <paramref name="windowStart"/>[j] ≤ i, and cosine ≥ <paramref name="threshold"/>,
    /// ordered by j then i.
    /// </summary>
    /// <param name="windowStart">For each document, the first earlier document it is compared with (non-decreasing);
    /// null compares every pair.</param>
    /// <param name="probed">Told how many documents have probed the index, every few thousand and at the end.</param>
    public static List<(int I, int J, double Cosine)> Find(
        IReadOnlyList<SparseVector> vectors,
        double threshold,
        IReadOnlyList<int>? windowStart = null,
        int maxDegreeOfParallelism = -1,
        IProgress<int>? probed = null,
        CancellationToken cancellationToken = default)
    {
        var n = vectors.Count;
        if (windowStart is not null && windowStart.Count != n)
            throw new ArgumentException("one window start per vector", nameof(windowStart));
        var dims = 0;
        for (var d = 0; d < n; d++)
        {
            var idx = vectors[d].Indices;
            if (idx.Length > 0)
                dims = Math.Max(dims, idx[^1] + 1);
        }

        var start = new long[dims + 1];
        for (var d = 0; d < n; d++)
        {
            var v = vectors[d];
            for (var k = 0; k < v.Count; k++)
                start[v.Indices[k] + 1]++;
        }
        for (var t = 0; t < dims; t++)
            start[t + 1] += start[t];
        var postingDoc = new int[start[dims]];
        var postingWeight = new float[start[dims]];
        var fill = new long[dims];
        Array.Copy(start, fill, dims);
        for (var d = 0; d < n; d++)
        {
            var v = vectors[d];
            for (var k = 0; k < v.Count; k++)
            {
                var at = fill[v.Indices[k]]++;
                postingDoc[at] = d;
                postingWeight[at] = v.Values[k];
            }
        }

        var index = new Index(vectors, windowStart, start, postingDoc, postingWeight, threshold);
        var found = new (int I, double Cosine)[]?[n];
        var scratch = new ConcurrentBag<Scratch>();
        var done = 0;
        Parallel.For(0, n,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken },
            () => scratch.TryTake(out var s) ? s : new Scratch(n, dims),
            (j, _, s) =>
            {
                found[j] = index.Probe(j, s);
                if (probed is not null && Interlocked.Increment(ref done) is var count && count % 4096 == 0)
                    probed.Report(count);
                return s;
            },
            s => scratch.Add(s));
        probed?.Report(n);

        var total = 0;
        foreach (var f in found)
            total += f?.Length ?? 0;
        var result = new List<(int I, int J, double Cosine)>(total);
        for (var j = 0; j < n; j++)
        {
            if (found[j] is not { } matches)
                continue;
            foreach (var (i, cosine) in matches)
                result.Add((i, j, cosine));
        }
        return result;
    }

    /// <summary>The built index: the vectors and the postings of their weights.</summary>
    private sealed record Index(
        IReadOnlyList<SparseVector> Vectors, IReadOnlyList<int>? WindowStart,
        long[] Start, int[] PostingDoc, float[] PostingWeight, double Threshold)
    {
        public (int I, double Cosine)[]? Probe(int j, Scratch s)
        {
            var y = Vectors[j];
            var from = WindowStart?[j] ?? 0;
            if (y.Count == 0 || from >= j)
                return null;

            var overlap = s.Overlap;
            // every posting lies in [from, j), so the slot exists: no bounds check in the hottest loop of the join
            ref var slot = ref MemoryMarshal.GetArrayDataReference(overlap);
            for (var k = 0; k < y.Count; k++)
            {
                var wy = y.Values[k];
                var t = y.Indices[k];
                // postings are in document order: the window's run of earlier documents, found by binary search
                var lo = FirstAtOrAfter(Start[t], Start[t + 1], from);
                var hi = FirstAtOrAfter(lo, Start[t + 1], j);
                var docs = PostingDoc.AsSpan((int)lo, (int)(hi - lo));
                var weights = PostingWeight.AsSpan((int)lo, docs.Length);
                for (var q = 0; q < docs.Length; q++)
                    Unsafe.Add(ref slot, docs[q]) += weights[q] * wy;
            }

            var dense = s.Dense;
            for (var k = 0; k < y.Count; k++)
                dense[y.Indices[k]] = y.Values[k];
            List<(int, double)>? matches = null;
            var cut = (float)Threshold - RoundingMargin(y.Count);
            var cutVector = new Vector<float>(cut);
            var width = Vector<float>.Count;
            for (var i0 = from; i0 < j; i0 += width)
            {
                if (i0 + width <= j)
                {
                    var block = new Vector<float>(overlap, i0);
                    if (!Vector.GreaterThanOrEqualAny(block, cutVector))
                    {
                        if (block != Vector<float>.Zero)
                            Vector<float>.Zero.CopyTo(overlap, i0);
                        continue;
                    }
                }
                for (var i = i0; i < Math.Min(j, i0 + width); i++)
                {
                    if (overlap[i] >= cut)
                    {
                        var x = Vectors[i];
                        double cosine = 0;
                        for (var k = 0; k < x.Count; k++)
                            cosine += (double)x.Values[k] * dense[x.Indices[k]];
                        if (cosine >= Threshold)
                            (matches ??= []).Add((i, Math.Min(1.0, cosine)));
                    }
                    overlap[i] = 0;
                }
            }
            for (var k = 0; k < y.Count; k++)
                dense[y.Indices[k]] = 0;
            return matches?.ToArray();
        }

        /// <summary>The first posting in [lo, hi) whose document is at least <paramref name="doc"/>.</summary>
        private long FirstAtOrAfter(long lo, long hi, int doc)
        {
            if (hi == lo || PostingDoc[lo] >= doc)
                return lo;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) >> 1);
                if (PostingDoc[mid] < doc)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            return lo;
        }
    }

    /// <summary>One thread's accumulators: the overlap per document, and the probe scattered densely.</summary>
    private sealed class Scratch(int count, int dims)
    {
        /// <summary>The probing vector's weights by term index (zero elsewhere).</summary>
        public float[] Dense { get; } = new float[dims];

        /// <summary>The dot product of each earlier document with the probe, as accumulated; all zero between probes.</summary>
        public float[] Overlap { get; } = new float[count];
    }
}
