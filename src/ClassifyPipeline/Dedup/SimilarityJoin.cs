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
/// <item>Each vector probes the index for earlier vectors, rarest terms first, and stops admitting new candidates
/// once its remaining terms cannot reach the threshold; those most frequent terms are not scanned at all. A pair at
/// or above the threshold must share an
/// indexed term of the earlier vector, so it is always a candidate; a candidate whose indexed overlap plus
/// the bounds of what was not accumulated cannot reach the threshold is pruned; every survivor is verified by an
/// exact dot product against the probing vector scattered densely.</item>
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

        // every vector re-indexed by rank (so its terms run from most to least frequent), with its prefix length and bound
        var ranked = new SparseVector[n];
        var prefixLength = new int[n];
        var prefixBound = new double[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken }, d =>
        {
            var v = vectors[d];
            var idx = new int[v.Count];
            var val = new float[v.Count];
            for (var k = 0; k < idx.Length; k++)
            {
                idx[k] = rank[v.Indices[k]];
                val[k] = v.Values[k];
            }
            Array.Sort(idx, val);
            double byMax = 0, squares = 0, bound = 0;
            var p = 0;
            for (; p < idx.Length; p++)
            {
                var w = (double)val[p];
                var nextByMax = byMax + Math.Abs(w) * maxWeight[byFrequency[idx[p]]];
                var nextSquares = squares + w * w;
                var next = Math.Min(nextByMax, Math.Sqrt(nextSquares));
                if (next >= threshold - Margin)
                    break;
                byMax = nextByMax;
                squares = nextSquares;
                bound = next;
            }
            ranked[d] = new SparseVector(idx, val);
            prefixLength[d] = p;
            prefixBound[d] = bound;
        });

        var rankedMaxWeight = new float[dims];
        for (var r = 0; r < dims; r++)
            rankedMaxWeight[r] = maxWeight[byFrequency[r]];

        // the inverted index over the suffixes, postings in document order
        var start = new long[dims + 1];
        for (var d = 0; d < n; d++)
        {
            var idx = ranked[d].Indices;
            for (var k = prefixLength[d]; k < idx.Length; k++)
                start[idx[k] + 1]++;
        }
        for (var t = 0; t < dims; t++)
            start[t + 1] += start[t];
        var postingDoc = new int[start[dims]];
        var postingWeight = new float[start[dims]];
        var fill = new long[dims];
        Array.Copy(start, fill, dims);
        for (var d = 0; d < n; d++)
        {
            var v = ranked[d];
            for (var k = prefixLength[d]; k < v.Count; k++)
            {
                var at = fill[v.Indices[k]]++;
                postingDoc[at] = d;
                postingWeight[at] = v.Values[k];
            }
        }

        var index = new Index(ranked, prefixLength, prefixBound, rankedMaxWeight, start, postingDoc, postingWeight, threshold);
        var found = new (int I, double Cosine)[]?[n];
        var scratch = new ConcurrentBag<Scratch>();
        Parallel.For(0, n,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken },
            () => scratch.TryTake(out var s) ? s : new Scratch(n, dims),
            (j, _, s) =>
            {
                found[j] = index.Probe(j, s);
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

    /// <summary>The built index: rank-ordered vectors, their prefixes, and the postings of their suffixes.</summary>
    private sealed record Index(
        SparseVector[] Ranked, int[] PrefixLength, double[] PrefixBound, float[] MaxWeight,
        long[] Start, int[] PostingDoc, float[] PostingWeight, double Threshold)
    {
        public (int I, double Cosine)[]? Probe(int j, Scratch s)
        {
            var y = Ranked[j];
            if (y.Count == 0)
                return null;
            var touched = s.Touched;
            touched.Clear();
            var score = s.Score;
            var mark = s.Mark;

            // remaining[k]: bound on what y's terms 0..k (the more frequent ones) can add to any cosine
            var remaining = s.Remaining(y.Count);
            double byMax = 0, squares = 0;
            for (var k = 0; k < y.Count; k++)
            {
                var w = (double)y.Values[k];
                byMax += w * MaxWeight[y.Indices[k]];
                squares += w * w;
                remaining[k] = Math.Min(byMax, Math.Sqrt(squares));
            }

            // rarest terms first; a document first reached at term k shares no rarer indexed term with y, and its
            // prefix holds only terms more frequent than k, so its cosine is at most remaining[k]: once that is below
            // the threshold no new candidate can qualify, and the rest of y's terms (the most frequent, with the
            // longest posting lists) are left to the exact verification instead of being accumulated
            var unprocessed = -1;
            for (var k = y.Count - 1; k >= 0; k--)
            {
                if (remaining[k] < Threshold - Margin)
                {
                    unprocessed = k;
                    break;
                }
                var t = y.Indices[k];
                var wy = y.Values[k];
                for (var p = Start[t]; p < Start[t + 1]; p++)
                {
                    var i = PostingDoc[p];
                    if (i >= j)
                        break; // postings are in document order: only earlier documents are candidates
                    if (mark[i] != j + 1)
                    {
                        mark[i] = j + 1;
                        score[i] = 0;
                        touched.Add(i);
                    }
                    score[i] += (double)PostingWeight[p] * wy;
                }
            }
            if (touched.Count == 0)
                return null;

            // what was not accumulated: x's unindexed prefix, and its overlap with y's unprocessed terms
            var rest = unprocessed >= 0 ? remaining[unprocessed] : 0.0;
            var dense = s.Dense;
            for (var k = 0; k < y.Count; k++)
                dense[y.Indices[k]] = y.Values[k];
            List<(int, double)>? matches = null;
            foreach (var i in touched)
            {
                if (score[i] + PrefixBound[i] + rest < Threshold - Margin)
                    continue;
                // exact cosine: x against y scattered densely
                var x = Ranked[i];
                double cosine = 0;
                for (var k = 0; k < x.Count; k++)
                    cosine += (double)x.Values[k] * dense[x.Indices[k]];
                if (cosine >= Threshold)
                    (matches ??= []).Add((i, Math.Min(1.0, cosine)));
            }
            for (var k = 0; k < y.Count; k++)
                dense[y.Indices[k]] = 0;
            if (matches is null)
                return null;
            var result = matches.ToArray();
            Array.Sort(result, (a, b) => a.Item1.CompareTo(b.Item1));
            return result;
        }
    }

    /// <summary>One thread's accumulator: a dense score per document and the documents touched.</summary>
    private sealed class Scratch(int count, int dims)
    {
        /// <summary>The probing vector's weights by term index (zero elsewhere).</summary>
        public float[] Dense { get; } = new float[dims];

        public double[] Score { get; } = new double[count];

        /// <summary>1 + the probing document for which <see cref="Score"/> holds a value.</summary>
        public int[] Mark { get; } = new int[count];

        private double[] _remaining = new double[256];

        public double[] Remaining(int length)
        {
            if (_remaining.Length < length)
                _remaining = new double[Math.Max(length, 2 * _remaining.Length)];
            return _remaining;
        }

        public List<int> Touched { get; } = [];
    }
}
