using System.Collections.Concurrent;
using System.Numerics;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Dedup;

/// <summary>Where a document stands in a <see cref="WindowJoin"/>.</summary>
/// <param name="WindowTicks">Its window time in UTC ticks (ignored when <paramref name="Undated"/>).</param>
/// <param name="IsNew">True for a document of this batch: pairs with at least one new document are computed, pairs of two stored ones were computed before.</param>
/// <param name="Undated">A new document without a published time: compared with every document.</param>
public readonly record struct JoinDocument(long WindowTicks, bool IsNew, bool Undated);

/// <summary>
/// Exact cosine threshold join over a time-ordered corpus, never all pairs, in memory that follows the window
/// rather than the corpus. Documents are swept in time order, a window's span at a time: each span's documents
/// probe an index (<see cref="PostingIndex"/>) of the documents from one window before the span to its end, so only
/// vectors within reach are held. A pair is found when both are dated and at most <c>window</c> apart, or one is
/// undated and new, and at least one of the two is new; every pair found has its exact cosine (sums within a rounding
/// bound of the threshold are verified in double precision), so the result is the exhaustive search's pair for pair.
/// Probes run in parallel, each writing its own slot, and sums run in a fixed order: the output does not depend on
/// the number of threads.
/// </summary>
public static class WindowJoin
{
    /// <summary>Documents a span may hold at most (beside its window's earlier ones), to bound memory in very dense corpora.</summary>
    internal static int MaxSpanDocuments { get; set; } = 200_000;

    /// <summary>A term is common in a span's index when more documents than this (or than 1/64 of the span's) hold it.</summary>
    internal static int MinCommonPostings { get; set; } = 256;

    /// <summary>How many of a span's longest posting lists a probe may skip (each document's postings in them are also kept by document, to filter candidates).</summary>
    internal static int SkippableTerms { get; set; } = 32;

    /// <summary>How much of the threshold a probe may leave to skipped low postings (see <see cref="PostingIndex"/>).</summary>
    internal static double SkipBudget { get; set; } = 0.5;

    /// <summary>Whether probes may skip whole posting lists (see <see cref="PostingIndex.Accumulate"/>); false: low postings only, as before.</summary>
    internal static bool SkipWholeLists { get; set; } = true;

    /// <summary>Whether a candidate's sum plus its own share of the skipped postings must reach the threshold before its exact cosine is computed; false: every candidate within the skip bound is verified, as before.</summary>
    internal static bool FilterCandidates { get; set; } = true;

    // A float sum of k non-negative products whose exact total is at most 1 errs by at most about k·2⁻²⁴.
    private static float RoundingMargin(int terms) => Math.Max(1e-4f, terms * 1.2e-7f);

    /// <summary>
    /// The pairs (i, j), i &lt; j, with cosine ≥ <paramref name="threshold"/>, ordered by j then i. Dated documents come
    /// first, in non-decreasing window time; undated ones last.
    /// </summary>
    /// <param name="vector">The unit vector of document i (called once per span that holds it).</param>
    /// <param name="dims">One more than the largest term id.</param>
    /// <param name="probed">Told how many documents have been through the join, now and then and at the end.</param>
    /// <param name="maxNeighbors">Each document j keeps only its best pairs (i, j) of this many (<see cref="NeighborCap"/>); 0: every pair.</param>
    public static List<(int I, int J, double Cosine)> Find(
        IReadOnlyList<JoinDocument> documents,
        Func<int, SparseVector> vector,
        int dims,
        double threshold,
        TimeSpan window,
        int maxDegreeOfParallelism = -1,
        IProgress<int>? probed = null,
        CancellationToken cancellationToken = default,
        int maxNeighbors = 0)
    {
        var n = documents.Count;
        var dated = 0;
        while (dated < n && !documents[dated].Undated)
            dated++;
        for (var d = dated; d < n; d++)
        {
            if (!documents[d].Undated || !documents[d].IsNew)
                throw new ArgumentException("undated documents come last and are new", nameof(documents));
        }
        for (var d = 1; d < dated; d++)
        {
            if (documents[d].WindowTicks < documents[d - 1].WindowTicks)
                throw new ArgumentException("dated documents come in time order", nameof(documents));
        }

        var vectors = new SparseVector?[n];
        var found = new (int I, double Cosine)[]?[n];
        var extra = new ConcurrentDictionary<int, List<(int I, double Cosine)>>();
        var undated = Enumerable.Range(dated, n - dated).ToArray();
        for (var d = dated; d < n; d++)
            vectors[d] = vector(d);
        var undatedIndex = undated.Length == 0 ? null : new PostingIndex(vectors, dated, n, dims, null, int.MaxValue);
        var ticks = window.Ticks;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        var done = 0;

        var spanStart = 0;
        var windowStart = 0;
        while (spanStart < dated)
        {
            var t0 = documents[spanStart].WindowTicks;
            while (t0 - documents[windowStart].WindowTicks > ticks)
                vectors[windowStart++] = null;
            var spanEnd = spanStart + 1;
            while (spanEnd < dated && documents[spanEnd].WindowTicks - t0 <= ticks && spanEnd - spanStart < MaxSpanDocuments)
                spanEnd++;
            for (var d = windowStart; d < spanEnd; d++)
                vectors[d] ??= vector(d);

            var commonPostings = Math.Max(MinCommonPostings, (spanEnd - windowStart) / 64);
            var all = new PostingIndex(vectors, windowStart, spanEnd, dims, null, commonPostings, SkippableTerms);
            // a run without stored documents (or a window of new ones only) needs no second index of the new ones
            var allNew = true;
            for (var d = windowStart; d < spanEnd && allNew; d++)
                allNew = documents[d].IsNew;
            var fresh = allNew ? all : new PostingIndex(vectors, windowStart, spanEnd, dims, d => documents[d].IsNew, commonPostings, SkippableTerms);
            var first = new int[spanEnd - spanStart];
            var from = windowStart;
            for (var j = spanStart; j < spanEnd; j++)
            {
                while (documents[j].WindowTicks - documents[from].WindowTicks > ticks)
                    from++;
                first[j - spanStart] = from;
            }

            var scratch = new ConcurrentBag<Scratch>();
            Parallel.For(spanStart, spanEnd, options,
                () => scratch.TryTake(out var s) ? s : new Scratch(spanEnd - windowStart, undated.Length, dims),
                (j, _, s) =>
                {
                    var y = vectors[j]!;
                    var index = documents[j].IsNew ? all : fresh;
                    if (index.Any)
                        found[j] = Probe(index, y, first[j - spanStart], j, threshold, s.Overlap, s) is { } best ? NeighborCap.Keep(best, maxNeighbors) : null;
                    if (undatedIndex is not null)
                    {
                        // pairs (j, u): u is later in the order, so they are kept under u
                        var matches = Probe(undatedIndex, y, dated, n, threshold, s.UndatedOverlap, s);
                        if (matches is not null)
                        {
                            foreach (var (u, cosine) in matches)
                            {
                                var list = extra.GetOrAdd(u, _ => []);
                                lock (list)
                                {
                                    list.Add((j, cosine));
                                    NeighborCap.Trim(list, maxNeighbors); // an undated document meets every dated one
                                }
                            }
                        }
                    }
                    if (probed is not null && Interlocked.Increment(ref done) is var count && count % 4096 == 0)
                        probed.Report(count);
                    return s;
                },
                s => scratch.Add(s));
            spanStart = spanEnd;
        }

        if (undatedIndex is not null)
        {
            var s = new Scratch(0, n - dated, dims);
            foreach (var u in undated)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var own = Probe(undatedIndex, vectors[u]!, dated, u, threshold, s.UndatedOverlap, s);
                var list = extra.GetOrAdd(u, _ => []);
                list.Sort((a, b) => a.I.CompareTo(b.I));
                if (own is not null)
                    list.AddRange(own);
                found[u] = NeighborCap.Keep(list.ToArray(), maxNeighbors);
                Interlocked.Increment(ref done);
            }
        }
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
            found[j] = null; // let each slot go as it is copied: the two never add up in full
        }
        return result;
    }

    /// <summary>The documents of <paramref name="index"/> in [from, to) whose cosine with <paramref name="y"/> reaches the threshold, by position.</summary>
    private static (int I, double Cosine)[]? Probe(PostingIndex index, SparseVector y, int from, int to, double threshold, float[] overlap, Scratch s)
    {
        if (y.Count == 0 || from >= to)
            return null;
        var (dense, order, skippedWeights) = (s.Dense, s.Order, s.Skipped);
        var cut = (float)threshold - RoundingMargin(y.Count);
        var budget = SkipBudget * threshold;
        if (s.Runs.Length < 2 * y.Count)
            s.Runs = new PostingRun[2 * y.Count];
        var skipped = (float)index.Plan(y, from, to, budget, order.Length >= y.Count ? order : new int[y.Count], SkipWholeLists, skippedWeights, s.Runs, out var runCount);
        index.Walk(s.Runs.AsSpan(0, runCount), overlap, to);
        var filter = FilterCandidates && skipped > 0;

        for (var k = 0; k < y.Count; k++)
            dense[y.Indices[k]] = y.Values[k];
        List<(int, double)>? matches = null;
        // a document's dot product is at most its sum plus what the skipped postings could add
        var verifyFrom = cut - skipped;
        var cutVector = new Vector<float>(verifyFrom);
        var width = Vector<float>.Count;
        var lo = index.Lo;
        for (var i0 = from - lo; i0 < to - lo; i0 += width)
        {
            if (i0 + width <= to - lo)
            {
                var block = new Vector<float>(overlap, i0);
                if (!Vector.GreaterThanOrEqualAny(block, cutVector))
                {
                    if (block != Vector<float>.Zero)
                        Vector<float>.Zero.CopyTo(overlap, i0);
                    continue;
                }
            }
            for (var i = i0; i < Math.Min(to - lo, i0 + width); i++)
            {
                var sum = overlap[i];
                // the sum plus what the skipped postings add for this document is its dot product up to float rounding,
                // which the cut allows for: far cheaper to compute than the exact cosine, and most candidates fail it
                if (sum > 0 && sum >= verifyFrom && (!filter || sum + index.Skipped(i + lo, skippedWeights) >= cut))
                {
                    var cosine = Cosine(index.Vectors[i + lo]!, dense);
                    if (cosine >= threshold)
                        (matches ??= []).Add((i + lo, Math.Min(1.0, cosine)));
                }
                overlap[i] = 0;
            }
        }
        for (var k = 0; k < y.Count; k++)
            dense[y.Indices[k]] = 0;
        index.ClearSkipped(y, skippedWeights);
        return matches?.ToArray();
    }

    /// <summary>The exact cosine: x's weights times the probe's (scattered in <paramref name="dense"/>), summed in double in x's term order.</summary>
    private static double Cosine(SparseVector x, float[] dense)
    {
        var (indices, values) = (x.Indices, x.Values);
        double cosine = 0;
        for (var k = 0; k < indices.Length && k < values.Length; k++)
            cosine += (double)values[k] * dense[indices[k]];
        return cosine;
    }

    /// <summary>One thread's accumulators: the overlap per document of the span and of the undated documents, and the probe scattered densely.</summary>
    private sealed class Scratch(int span, int undated, int dims)
    {
        public float[] Overlap { get; } = new float[span];

        public float[] UndatedOverlap { get; } = new float[undated];

        /// <summary>The probe's weights by term id (zero elsewhere).</summary>
        public float[] Dense { get; } = new float[dims];

        /// <summary>The probe's weights on the postings it skipped, by common term (see <see cref="PostingIndex.Accumulate"/>).</summary>
        public float[] Skipped { get; } = new float[2 * dims];

        /// <summary>The stretches of posting lists a probe walks.</summary>
        public PostingRun[] Runs { get; set; } = new PostingRun[256];

        /// <summary>Room to order a probe's terms.</summary>
        public int[] Order { get; set; } = new int[1024];
    }
}
