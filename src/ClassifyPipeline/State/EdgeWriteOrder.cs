using ClassifyPipeline.Corpus;

namespace ClassifyPipeline.State;

/// <summary>
/// A batch's edges in the order of the <c>edges</c> table's primary key (a, b), each end an index into the distinct
/// ends sorted ordinally. Written in this order SQLite appends to the table's B-tree instead of touching a random page
/// per row. Ordinal order is SQLite's BINARY order for ids without characters above U+FFFF; for others only the speed
/// differs, never what is stored.
/// </summary>
internal sealed class EdgeWriteOrder
{
    private readonly long[] _keys;

    private EdgeWriteOrder(string[] ends, long[] keys, int[] edges)
    {
        Ends = ends;
        _keys = keys;
        Edges = edges;
    }

    /// <summary>The distinct ids the edges join, in ordinal order.</summary>
    public string[] Ends { get; }

    /// <summary>Per position, the index of the edge in the batch's list.</summary>
    public int[] Edges { get; }

    public int Count => Edges.Length;

    /// <summary>The index into <see cref="Ends"/> of the first end (a) of the edge at <paramref name="position"/>.</summary>
    public int From(int position) => (int)(_keys[position] >> 32);

    /// <summary>The index into <see cref="Ends"/> of the second end (b) of the edge at <paramref name="position"/>.</summary>
    public int To(int position) => (int)(_keys[position] & uint.MaxValue);

    public static EdgeWriteOrder Of(IReadOnlyList<CorpusEdge> edges)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in edges)
        {
            rank.TryAdd(e.From, 0);
            rank.TryAdd(e.To, 0);
        }
        var ends = rank.Keys.ToArray();
        Array.Sort(ends, StringComparer.Ordinal);
        for (var k = 0; k < ends.Length; k++)
            rank[ends[k]] = k;

        var keys = new long[edges.Count];
        var order = new int[edges.Count];
        var position = 0;
        foreach (var e in edges)
        {
            keys[position] = ((long)rank[e.From] << 32) | (uint)rank[e.To];
            order[position] = position;
            position++;
        }
        Array.Sort(keys, order);
        // an edge listed twice keeps its list order (the sort is not stable), so the later one is written last, as before
        for (var s = 0; s < keys.Length;)
        {
            var t = s + 1;
            while (t < keys.Length && keys[t] == keys[s])
                t++;
            if (t - s > 1)
                Array.Sort(order, s, t - s);
            s = t;
        }
        return new EdgeWriteOrder(ends, keys, order);
    }
}
