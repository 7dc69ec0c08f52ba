namespace ClassifyPipeline.Dedup;

/// <summary>
/// The first implementation of <see cref="AverageLinkageClustering"/>, kept as the reference the compact one is
/// tested and benchmarked against: a <see cref="Dictionary{TKey,TValue}"/> of summed similarities per node (two
/// entries per edge, ~60–100 bytes each) and a queue of (pair, average) entries. Same merges, same labels.
/// </summary>
internal static class ReferenceAverageLinkage
{
    /// <summary>Cluster label (the lowest document index in the cluster) for each of <paramref name="count"/> documents.</summary>
    public static int[] Cluster(int count, IEnumerable<(int I, int J, double Similarity)> edges, double threshold) =>
        Cluster(count, edges, threshold, rebuildQueue: true, out _);

    /// <param name="rebuildQueue">False: never rebuild the queue (the reference the rebuilt one is tested against).</param>
    /// <param name="rebuilds">How many times the queue was rebuilt.</param>
    internal static int[] Cluster(int count, IEnumerable<(int I, int J, double Similarity)> edges, double threshold, bool rebuildQueue, out int rebuilds)
    {
        rebuilds = 0;
        // each node's map sized to its degree up front: no doubling on the way, no slack left behind
        var list = edges as IReadOnlyCollection<(int I, int J, double Similarity)> ?? edges.ToList();
        var degree = new int[count];
        foreach (var (i, j, _) in list)
        {
            degree[i]++;
            degree[j]++;
        }
        var size = new int[count];
        var neighbors = new Dictionary<int, double>[count];
        for (var i = 0; i < count; i++)
        {
            size[i] = 1;
            neighbors[i] = new Dictionary<int, double>(degree[i]);
        }
        edges = list;
        var queue = new PriorityQueue<(int A, int B, double Avg), (double, int, int)>();
        foreach (var (i, j, s) in edges)
        {
            var (a, b) = i < j ? (i, j) : (j, i);
            neighbors[a][b] = neighbors[a].GetValueOrDefault(b) + s;
            neighbors[b][a] = neighbors[b].GetValueOrDefault(a) + s;
        }
        for (var a = 0; a < count; a++)
        {
            foreach (var (b, sum) in neighbors[a])
            {
                if (a < b && sum >= threshold)
                    queue.Enqueue((a, b, sum), (-sum, a, b));
            }
        }

        var parent = new int[count];
        for (var i = 0; i < count; i++)
            parent[i] = i;
        var alive = new bool[count];
        Array.Fill(alive, true);

        // merges leave stale entries behind (a pair re-queued with its new average): when they outnumber the live
        // ones, the queue is rebuilt from the live pairs, so it stays within a small multiple of the edges left
        var rebuildAt = 2 * queue.Count + 1024;
        while (queue.TryDequeue(out var top, out _))
        {
            if (rebuildQueue && queue.Count > rebuildAt)
            {
                // the entry just taken is in the rebuilt queue again when it is live
                Rebuild(queue, neighbors, size, alive, threshold);
                rebuilds++;
                rebuildAt = 2 * queue.Count + 1024;
                continue;
            }
            var (a, b, avg) = top;
            if (!alive[a] || !alive[b] || !neighbors[a].TryGetValue(b, out var sum))
                continue;
            var current = sum / ((double)size[a] * size[b]);
            if (current != avg)
                continue; // stale entry: the pair was re-queued with its new average
            if (current < threshold)
                break;

            // merge b into a (a is the lower index, the cluster's label)
            alive[b] = false;
            parent[b] = a;
            neighbors[a].Remove(b);
            neighbors[b].Remove(a);
            foreach (var (n, s) in neighbors[b])
            {
                neighbors[a][n] = neighbors[a].GetValueOrDefault(n) + s;
                neighbors[n].Remove(b);
                neighbors[n][a] = neighbors[a][n];
            }
            neighbors[b] = []; // let the merged-away map go (Clear would keep its buckets)
            size[a] += size[b];
            foreach (var (n, s) in neighbors[a])
            {
                var newAvg = s / ((double)size[a] * size[n]);
                if (newAvg >= threshold)
                {
                    var (x, y) = a < n ? (a, n) : (n, a);
                    queue.Enqueue((x, y, newAvg), (-newAvg, x, y));
                }
            }
        }

        var label = new int[count];
        for (var i = 0; i < count; i++)
        {
            var r = i;
            while (parent[r] != r)
                r = parent[r];
            label[i] = r;
        }
        return label;
    }

    /// <summary>The queue again with one entry per live pair whose average reaches the threshold: the same valid entries, so the same merges.</summary>
    private static void Rebuild(PriorityQueue<(int A, int B, double Avg), (double, int, int)> queue, Dictionary<int, double>[] neighbors, int[] size, bool[] alive, double threshold)
    {
        queue.Clear();
        for (var a = 0; a < neighbors.Length; a++)
        {
            if (!alive[a])
                continue;
            foreach (var (b, sum) in neighbors[a])
            {
                var avg = sum / ((double)size[a] * size[b]);
                if (a < b && avg >= threshold)
                    queue.Enqueue((a, b, avg), (-avg, a, b));
            }
        }
        queue.TrimExcess();
    }
}
