using System.Numerics;
using ClassifyPipeline.Cluster.Model;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Cluster.Join;

/// <summary>
/// One slice grain's part of a batch's join: its documents (stored ones with bags, and the batch's staged ones)
/// indexed in two <see cref="PostingLists"/> — the documents new to the state, and the others (stored, or in the
/// batch unchanged) — probed by new batch articles. A probe meets the other documents within a window of it on
/// either side (all in the batch's stored range, for an undated probe), and the new ones only before it in (window
/// time, id) order (all dated ones, for an undated probe; in the undated grains, those before it by id). A document
/// whose partial (float) sum plus the skipped bound comes within a rounding margin of the threshold is verified with the
/// exact cosine the local join computes (the sum in double precision of the products over the indexed document's
/// terms in ascending order), so the pairs and cosines are the exhaustive search's, wherever they are found.
/// <para>
/// So each pair is reported by exactly one grain: a new article and an old document by the grain holding the
/// document, when the article probes it; two new dated articles by the grain holding the earlier, when the later
/// probes it; a new dated article and an undated one by the dated one's grain (undated articles probe every grain,
/// dated ones never the undated grains); two undated ones by the undated grain holding the one whose id sorts first.
/// </para>
/// </summary>
internal sealed class ProbeIndex
{
    // a float sum of k non-negative products whose exact total is at most 1 errs by at most about k·2⁻²⁴
    private static float RoundingMargin(int terms) => Math.Max(1e-4f, terms * 1.2e-7f);

    private readonly PostingLists _old;
    private readonly PostingLists _new;
    private readonly IdfWeights _idf;
    private readonly JoinSettings _settings;
    private readonly bool _undatedGrain;

    // working memory is large (a float per term and per document): kept between probe calls, not made per task
    private readonly System.Collections.Concurrent.ConcurrentBag<ProbeScratch> _scratch = [];

    /// <param name="undatedGrain">True for one of the batch's undated grains: its entries are ordered by id alone.</param>
    public ProbeIndex(IEnumerable<Entry> entries, IdfWeights idf, JoinSettings settings, bool undatedGrain)
    {
        _idf = idf;
        _settings = settings;
        _undatedGrain = undatedGrain;
        var all = entries.Select(e => undatedGrain ? e with { WindowTicks = 0 } : e).ToArray();
        Array.Sort(all, (a, b) => a.WindowTicks != b.WindowTicks ? a.WindowTicks.CompareTo(b.WindowTicks) : string.CompareOrdinal(a.Id, b.Id));
        _old = new PostingLists(all.Where(e => !e.IsNew).ToArray(), idf.Count);
        _new = new PostingLists(all.Where(e => e.IsNew).ToArray(), idf.Count);
    }

    public int Count => _old.Count + _new.Count;

    /// <summary>The pairs of these probes with the indexed documents that this grain reports, probe by probe.</summary>
    public ProbeAnswer Probe(IReadOnlyList<ProbeDoc> probes, CancellationToken cancellationToken = default)
    {
        var found = new List<(Entry Entry, double Cosine)>?[probes.Count];
        // one probe at a time: a silo runs many grains at once, which keeps its cores busy
        var scratch = _scratch.TryTake(out var s) ? s : new ProbeScratch(Math.Max(_old.Count, _new.Count), _idf.Count);
        for (var p = 0; p < probes.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            found[p] = Probe(probes[p], scratch);
        }
        _scratch.Add(scratch);
        var pairs = new List<FoundPair>();
        var reached = new Dictionary<string, DocRecord>(StringComparer.Ordinal);
        for (var p = 0; p < probes.Count; p++)
        {
            foreach (var (e, cosine) in found[p] ?? [])
            {
                pairs.Add(new FoundPair(e.Id, probes[p].Id, cosine));
                if (e.Stored is { } stored)
                    reached.TryAdd(stored.Id, stored);
            }
        }
        return new ProbeAnswer([.. pairs], [.. reached.Values]);
    }

    private List<(Entry, double)>? Probe(ProbeDoc y, ProbeScratch scratch)
    {
        var vector = _idf.Vector(TermBag.Decode(y.Bag));
        if (vector.Count == 0)
            return null;
        var (window, from, to) = (_settings.WindowTicks, _settings.FromTicks, _settings.ToTicks);
        var (oldLo, oldHi) = y.Undated ? (_old.AtOrAfter(from), _old.AtOrAfter(to + 1)) : (_old.AtOrAfter(y.WindowTicks - window), _old.AtOrAfter(y.WindowTicks + window + 1));
        var (newLo, newHi) = _undatedGrain ? (0, _new.Before(0, y.Id))
            : y.Undated ? (0, _new.Count)
            : (_new.AtOrAfter(y.WindowTicks - window), _new.Before(y.WindowTicks, y.Id));

        var dense = scratch.Dense;
        for (var k = 0; k < vector.Count; k++)
            dense[vector.Indices[k]] = vector.Values[k];
        List<(Entry, double)>? result = null;
        foreach (var (lists, lo, hi) in new[] { (_old, oldLo, oldHi), (_new, newLo, newHi) })
        {
            if (lo >= hi)
                continue;
            var skipped = (float)lists.Accumulate(vector, lo, hi, _settings.Threshold, scratch);
            var verifyFrom = (float)_settings.Threshold - RoundingMargin(vector.Count) - skipped;
            var sums = scratch.Sums;
            var cut = new Vector<float>(verifyFrom);
            var width = Vector<float>.Count;
            for (var i0 = lo; i0 < hi; i0 += width)
            {
                if (i0 + width <= hi && i0 + width <= sums.Length)
                {
                    var block = new Vector<float>(sums, i0);
                    if (!Vector.GreaterThanOrEqualAny(block, cut))
                    {
                        if (block != Vector<float>.Zero)
                            Vector<float>.Zero.CopyTo(sums, i0);
                        continue;
                    }
                }
                for (var e = i0; e < Math.Min(hi, i0 + width); e++)
                {
                    var sum = sums[e];
                    sums[e] = 0;
                    if (sum <= 0 || sum < verifyFrom || lists.Entries[e].Id == y.Id)
                        continue;
                    // the local join's sum: over the indexed document's terms, in ascending order, in double precision
                    var x = lists.Entries[e];
                    var xv = x.Vector;
                    double cosine = 0;
                    for (var k = 0; k < xv.Count; k++)
                        cosine += (double)xv.Values[k] * dense[xv.Indices[k]];
                    if (cosine >= _settings.Threshold)
                        (result ??= []).Add((x, Math.Min(1.0, cosine)));
                }
            }
        }
        for (var k = 0; k < vector.Count; k++)
            dense[vector.Indices[k]] = 0;
        return result;
    }

    /// <summary>A document of the index.</summary>
    /// <param name="IsNew">A batch article with terms new to the state (stored and unchanged batch documents are not).</param>
    /// <param name="Stored">The stored document (null for a staged batch article).</param>
    public sealed record Entry(string Id, long WindowTicks, bool IsNew, SparseVector Vector, DocRecord? Stored);
}
