namespace ClassifyPipeline.Dedup;

/// <summary>
/// Agglomerative clustering with average linkage over a sparse similarity graph (a missing edge counts
/// as similarity 0). Two groups merge only while the mean similarity over all their cross pairs stays at
/// or above the threshold, so a chain of weak links cannot join two stories the way single linkage does.
/// Ties break on the lowest document indices, so the result depends only on the graph, not on input order.
/// <para>
/// The pair with the highest average merges first, always (the generic algorithm: every live pair at or above the
/// threshold is in a queue with its current average, stale entries skipped). Memory is compact: summed similarities
/// in arrays (<see cref="LinkageGraph"/>, 24 bytes per edge) and a heap of 20-byte entries (<see cref="MergeQueue"/>),
/// rebuilt from the live pairs when stale entries outnumber them. The merges, and so the labels, are those of the
/// dictionary version kept as <see cref="ReferenceAverageLinkage"/>.
/// </para>
/// </summary>
public static class AverageLinkageClustering
{
    /// <summary>Cluster label (the lowest document index in the cluster) for each of <paramref name="count"/> documents.</summary>
    /// <param name="merged">Told, every <see cref="MergesPerReport"/> merges, that that many more were made (a large component's progress).</param>
    public static int[] Cluster(int count, IEnumerable<(int I, int J, double Similarity)> edges, double threshold, Action<int>? merged = null) =>
        Cluster(count, edges, threshold, rebuildQueue: true, out _, merged);

    /// <summary>How many merges each call of the <c>merged</c> callback stands for.</summary>
    public const int MergesPerReport = 4096;

    /// <param name="rebuildQueue">False: never rebuild the queue (the reference the rebuilt one is tested against).</param>
    /// <param name="rebuilds">How many times the queue was rebuilt.</param>
    internal static int[] Cluster(int count, IEnumerable<(int I, int J, double Similarity)> edges, double threshold, bool rebuildQueue, out int rebuilds, Action<int>? merged = null)
    {
        var merges = 0;
        rebuilds = 0;
        var graph = LinkageGraph.Build(count, edges as IReadOnlyList<(int I, int J, double Similarity)> ?? edges.ToList());
        var sums = graph.Sums;
        var size = new int[count];
        Array.Fill(size, 1);
        var alive = new bool[count];
        Array.Fill(alive, true);
        var queue = new MergeQueue();
        Fill(queue, graph, size, alive, threshold);

        // merges leave stale entries behind (a pair re-queued with its new average): when they outnumber the live
        // ones, the queue is rebuilt from the live pairs, so it stays within a small multiple of the edges left
        var rebuildAt = 2 * queue.Count + 1024;
        while (queue.TryDequeue(out var top))
        {
            if (rebuildQueue && queue.Count > rebuildAt)
            {
                // the entry just taken is in the rebuilt queue again when it is live
                Fill(queue, graph, size, alive, threshold);
                rebuilds++;
                rebuildAt = 2 * queue.Count + 1024;
                continue;
            }
            var (avg, a, b, slot) = top;
            if (!alive[a] || !alive[b])
                continue;
            // a freed slot (NaN) no longer holds their sum: a later entry for the pair has it
            var current = sums[slot] / ((double)size[a] * size[b]);
            if (current != avg)
                continue; // stale entry: the pair was re-queued with its new average
            if (current < threshold)
                break;

            // merge b into a (a is the lower index, the cluster's label)
            alive[b] = false;
            size[a] += size[b];
            if (merged is not null && ++merges % MergesPerReport == 0)
                merged(MergesPerReport);
            foreach (var (n, s) in graph.Merge(a, b, slot))
            {
                var newAvg = sums[s] / ((double)size[a] * size[n]);
                if (newAvg >= threshold)
                    queue.Enqueue(newAvg, Math.Min(a, n), Math.Max(a, n), s);
            }
        }

        var label = new int[count];
        for (var i = 0; i < count; i++)
            label[i] = graph.Find(i);
        return label;
    }

    /// <summary>The queue (again) with one entry per live pair whose average reaches the threshold: the same valid entries, so the same merges.</summary>
    private static void Fill(MergeQueue queue, LinkageGraph graph, int[] size, bool[] alive, double threshold)
    {
        var live = 0;
        for (var a = 0; a < alive.Length; a++)
        {
            if (!alive[a])
                continue;
            foreach (var (b, s) in graph.Neighbors(a))
            {
                if (a < b && graph.Sums[s] / ((double)size[a] * size[b]) >= threshold)
                    live++;
            }
        }
        queue.Clear(live);
        for (var a = 0; a < alive.Length; a++)
        {
            if (!alive[a])
                continue;
            foreach (var (b, s) in graph.Neighbors(a))
            {
                var avg = graph.Sums[s] / ((double)size[a] * size[b]);
                if (a < b && avg >= threshold)
                    queue.Add(avg, a, b, s);
            }
        }
        queue.Heapify();
    }
}
