namespace ClassifyPipeline.Dedup;

/// <summary>
/// The clusters of an average-linkage run and the summed similarity between each two adjacent ones, in compact
/// arrays: one <see cref="double"/> per adjacent pair (its <em>slot</em>) and, per cluster, an array of (neighbour,
/// slot) entries — 24 bytes per edge in all, against ~60–100 for a dictionary per node.
/// <para>
/// Merging b into a folds the smaller entry array into the larger one (its own entries compacted in place) and adds
/// the sums of neighbours common to both. Neighbours' arrays are never touched: an entry whose slot was freed (its sum
/// set to NaN) is skipped, and an entry naming a cluster that was merged away is read through the merge forest to the
/// cluster that holds it now. So every live entry of a live cluster names a distinct live neighbour and the slot
/// holding their current sum, and the sums are the same doubles the dictionary version computes
/// (<c>sum(a, n) + sum(b, n)</c>; addition is commutative).
/// </para>
/// </summary>
internal sealed class LinkageGraph
{
    private readonly Entry[]?[] _entries;
    private readonly int[] _length;
    private readonly int[] _parent;
    private readonly int[] _mark;

    private LinkageGraph(int count, Entry[]?[] entries, int[] length, double[] sums)
    {
        _entries = entries;
        _length = length;
        Sums = sums;
        _parent = new int[count];
        for (var i = 0; i < count; i++)
            _parent[i] = i;
        _mark = new int[count];
    }

    /// <summary>The summed similarity of each slot's pair (NaN once freed).</summary>
    public double[] Sums { get; }

    /// <summary>
    /// The graph of single nodes: one slot per distinct pair (i ≠ j; self-loops are ignored), its similarities summed
    /// in input order, as the dictionary version does.
    /// </summary>
    public static LinkageGraph Build(int count, IReadOnlyList<(int I, int J, double Similarity)> edges)
    {
        // per lower end, (higher end, edge index) keys sorted: duplicates of a pair sit together in input order
        var start = new int[count + 1];
        for (var e = 0; e < edges.Count; e++)
        {
            var (i, j, _) = edges[e];
            if (i != j)
                start[Math.Min(i, j) + 1]++;
        }
        for (var k = 0; k < count; k++)
            start[k + 1] += start[k];
        var keys = new long[start[count]];
        var fill = (int[])start.Clone();
        for (var e = 0; e < edges.Count; e++)
        {
            var (i, j, _) = edges[e];
            if (i != j)
                keys[fill[Math.Min(i, j)]++] = ((long)Math.Max(i, j) << 32) | (uint)e;
        }
        fill = null;

        var degree = new int[count];
        var pairs = 0;
        for (var a = 0; a < count; a++)
        {
            Array.Sort(keys, start[a], start[a + 1] - start[a]);
            for (var k = start[a]; k < start[a + 1]; k++)
            {
                if (k > start[a] && keys[k] >> 32 == keys[k - 1] >> 32)
                    continue;
                pairs++;
                degree[a]++;
                degree[(int)(keys[k] >> 32)]++;
            }
        }

        var sums = new double[pairs];
        var entries = new Entry[]?[count];
        var length = new int[count];
        for (var a = 0; a < count; a++)
            entries[a] = degree[a] == 0 ? [] : new Entry[degree[a]];
        var slot = -1;
        for (var a = 0; a < count; a++)
        {
            for (var k = start[a]; k < start[a + 1]; k++)
            {
                var b = (int)(keys[k] >> 32);
                if (k == start[a] || b != (int)(keys[k - 1] >> 32))
                {
                    slot++;
                    entries[a]![length[a]++] = new Entry(b, slot);
                    entries[b]![length[b]++] = new Entry(a, slot);
                }
                sums[slot] += edges[(int)(uint)keys[k]].Similarity;
            }
        }
        return new LinkageGraph(count, entries, length, sums);
    }

    /// <summary>The cluster that now holds a node or a cluster merged away.</summary>
    public int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }
        return i;
    }

    /// <summary>
    /// Merges cluster b into cluster a (both live, <paramref name="pair"/> the slot of their own pair) and returns a's
    /// entries afterwards: one per neighbour (live, by its current cluster), with the slot of their summed similarity.
    /// </summary>
    public ReadOnlySpan<Entry> Merge(int a, int b, int pair)
    {
        Sums[pair] = double.NaN;
        _parent[b] = a;
        var (large, small) = _entries[a]!.Length >= _entries[b]!.Length ? (a, b) : (b, a);
        var into = _entries[large]!;
        var from = _entries[small]!;
        var kept = Compact(into, _length[large]);
        var fromLength = _length[small];

        var added = 0;
        for (var k = 0; k < fromLength; k++)
        {
            if (!double.IsNaN(Sums[from[k].Slot]) && _mark[Find(from[k].Neighbor)] == 0)
                added++;
        }
        if (kept + added > into.Length)
            Array.Resize(ref into, kept + added);
        var length = kept;
        for (var k = 0; k < fromLength; k++)
        {
            var s = from[k].Slot;
            if (double.IsNaN(Sums[s]))
                continue;
            var n = Find(from[k].Neighbor);
            if (_mark[n] is var common and > 0)
            {
                // a neighbour of both: one slot holds the sum of the two
                Sums[common - 1] += Sums[s];
                Sums[s] = double.NaN;
            }
            else
            {
                into[length++] = new Entry(n, s);
            }
        }
        for (var k = 0; k < kept; k++)
            _mark[into[k].Neighbor] = 0;

        _entries[a] = into;
        _length[a] = length;
        _entries[b] = null;
        _length[b] = 0;
        return into.AsSpan(0, length);
    }

    /// <summary>A live cluster's entries, their neighbours by current cluster, freed slots dropped (compacted in place).</summary>
    public ReadOnlySpan<Entry> Neighbors(int a)
    {
        var entries = _entries[a]!;
        var kept = Compact(entries, _length[a]);
        for (var k = 0; k < kept; k++)
            _mark[entries[k].Neighbor] = 0;
        _length[a] = kept;
        return entries.AsSpan(0, kept);
    }

    /// <summary>Drops freed entries, renames neighbours to their current clusters and marks each (slot + 1).</summary>
    private int Compact(Entry[] entries, int length)
    {
        var kept = 0;
        for (var k = 0; k < length; k++)
        {
            var s = entries[k].Slot;
            if (double.IsNaN(Sums[s]))
                continue;
            var n = Find(entries[k].Neighbor);
            entries[kept++] = new Entry(n, s);
            _mark[n] = s + 1;
        }
        return kept;
    }

    /// <summary>A neighbour (a cluster, or a node since merged into one) and the slot of their summed similarity.</summary>
    internal readonly record struct Entry(int Neighbor, int Slot);
}
