using System.Collections.Concurrent;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// Exact cosine threshold join over unit vectors without comparing all pairs: the AllPairs / L2AP
/// family of prefix filtering (Bayardo et al. 2007; Anastasiu &amp; Karypis 2014).
/// <list type="number">
/// <item>Terms get a global order by document frequency, most frequent first.</item>
/// <item>For each vector, walking its terms in that order, the leading terms whose summed contribution to
/// any cosine is provably below the threshold (bound: min(Σ x·maxweight, ‖x_prefix‖₂)) form an unindexed
/// prefix; only the remaining suffix goes into the inverted index. Frequent terms, whose posting lists
/// are long, thus mostly stay out of the index.</item>
/// <item>Each vector probes the index for earlier vectors. A pair at or above the threshold must share an
/// indexed term of the earlier vector, so it is always a candidate; a candidate whose indexed overlap plus
/// its prefix bound cannot reach the threshold is pruned; every survivor is verified by an exact dot product.</item>
/// </list>
/// Probes run in parallel, each writing only its own result slot, and the exact cosine is computed the same
/// way whatever the thread, so the output does not depend on the number of threads.
/// </summary>
public static class SimilarityJoin
{
    // Bounds are computed in floating point; a small margin keeps rounding from dropping a pair at the threshold.
    private const double Margin = 1e-6;

    /// <summary>Pairs (i, j) with i &lt; j and cosine ≥ <paramref name="threshold"/>, ordered by j then i.</summary>
    public static List<(int I, int J, double Cosine)> Find(
        IReadOnlyList<SparseVector> vectors, double threshold, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        var n = vectors.Count;
        var dims = 0;
        for (var d = 0; d < n; d++)
        {
            var idx = vectors[d].Indices;
            if (idx.Length > 0)
                dims = Math.Max(dims, idx[^1] + 1);
        }

        var df = new int[dims];
        var maxWeight = new float[dims];
        for (var d = 0; d < n; d++)
        {
            var v = vectors[d];
            for (var k = 0; k < v.Count; k++)
            {
                var t = v.Indices[k];
                df[t]++;
                var w = Math.Abs(v.Values[k]);
                if (w > maxWeight[t])
                    maxWeight[t] = w;
            }
        }

        // rank 0 = most frequent term; ties on the term index, so the order depends only on the vectors
        var byFrequency = new int[dims];
        for (var t = 0; t < dims; t++)
            byFrequency[t] = t;
        Array.Sort(byFrequency, (a, b) => df[a] != df[b] ? df[b].CompareTo(df[a]) : a.CompareTo(b));
        var rank = new int[dims];
        for (var r = 0; r < dims; r++)
            rank[byFrequency[r]] = r;

        // per vector: where its indexed suffix starts (in the vector's own index order) and its prefix bound
        var suffixMask = new bool[n][];
        var prefixBound = new double[n];
        var postingCount = new int[dims];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken }, d =>
        {
            var v = vectors[d];
            var order = new int[v.Count];
            for (var k = 0; k < order.Length; k++)
                order[k] = k;
            Array.Sort(order, (a, b) => rank[v.Indices[a]].CompareTo(rank[v.Indices[b]]));
            var mask = new bool[v.Count];
            double byMax = 0, squares = 0, bound = 0;
            var indexing = false;
            foreach (var k in order)
            {
                if (!indexing)
                {
                    var w = (double)v.Values[k];
                    var nextByMax = byMax + Math.Abs(w) * maxWeight[v.Indices[k]];
                    var nextSquares = squares + w * w;
                    var next = Math.Min(nextByMax, Math.Sqrt(nextSquares));
                    if (next >= threshold - Margin)
                    {
                        indexing = true;
                    }
                    else
                    {
                        byMax = nextByMax;
                        squares = nextSquares;
                        bound = next;
                    }
                }
                mask[k] = indexing;
            }
            suffixMask[d] = mask;
            prefixBound[d] = bound;
        });

        for (var d = 0; d < n; d++)
        {
            var v = vectors[d];
            var mask = suffixMask[d];
            for (var k = 0; k < v.Count; k++)
            {
                if (mask[k])
                    postingCount[v.Indices[k]]++;
            }
        }
        var start = new long[dims + 1];
        for (var t = 0; t < dims; t++)
            start[t + 1] = start[t] + postingCount[t];
        var postingDoc = new int[start[dims]];
        var postingWeight = new float[start[dims]];
        var fill = new long[dims];
        Array.Copy(start, fill, dims);
        for (var d = 0; d < n; d++)
        {
            var v = vectors[d];
            var mask = suffixMask[d];
            for (var k = 0; k < v.Count; k++)
            {
                if (!mask[k])
                    continue;
                var at = fill[v.Indices[k]]++;
                postingDoc[at] = d;
                postingWeight[at] = v.Values[k];
            }
            suffixMask[d] = null!;
        }

        var found = new (int I, double Cosine)[]?[n];
        var scratch = new ConcurrentBag<Scratch>();
        Parallel.For(0, n,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken },
            () => scratch.TryTake(out var s) ? s : new Scratch(n),
            (j, _, s) =>
            {
                found[j] = Probe(j, vectors, threshold, start, postingDoc, postingWeight, prefixBound, s);
                return s;
            },
            s => scratch.Add(s));

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

    private static (int I, double Cosine)[]? Probe(
        int j, IReadOnlyList<SparseVector> vectors, double threshold, long[] start, int[] postingDoc, float[] postingWeight, double[] prefixBound, Scratch s)
    {
        var y = vectors[j];
        var touched = s.Touched;
        touched.Clear();
        var score = s.Score;
        var mark = s.Mark;
        for (var k = 0; k < y.Count; k++)
        {
            var t = y.Indices[k];
            if (t + 1 >= start.Length)
                continue;
            var wy = y.Values[k];
            for (var p = start[t]; p < start[t + 1]; p++)
            {
                var i = postingDoc[p];
                if (i >= j)
                    break; // postings are in document order: only earlier documents are candidates
                if (mark[i] != j + 1)
                {
                    mark[i] = j + 1;
                    score[i] = 0;
                    touched.Add(i);
                }
                score[i] += (double)postingWeight[p] * wy;
            }
        }
        if (touched.Count == 0)
            return null;

        touched.Sort();
        List<(int, double)>? matches = null;
        foreach (var i in touched)
        {
            var upper = score[i] + prefixBound[i];
            if (upper < threshold - Margin)
                continue;
            var cosine = vectors[i].Dot(y);
            if (cosine >= threshold)
                (matches ??= []).Add((i, Math.Min(1.0, cosine)));
        }
        return matches?.ToArray();
    }

    /// <summary>One thread's accumulator: a dense score per document and the documents touched.</summary>
    private sealed class Scratch(int count)
    {
        public double[] Score { get; } = new double[count];

        /// <summary>1 + the probing document for which <see cref="Score"/> holds a value.</summary>
        public int[] Mark { get; } = new int[count];

        public List<int> Touched { get; } = [];
    }
}
