using System.Runtime.InteropServices;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// The candidate merges of an average-linkage run: a binary heap of (average, a, b, slot) entries, 20 bytes each,
/// highest average first, ties on the lowest a, then b (the order <see cref="ReferenceAverageLinkage"/>'s queue
/// gives with its (−average, a, b) priorities). Entries go stale as clusters merge; the caller skips them.
/// </summary>
internal sealed class MergeQueue
{
    private Candidate[] _heap = new Candidate[16];

    public int Count { get; private set; }

    public void Enqueue(double average, int a, int b, int slot)
    {
        if (Count == _heap.Length)
            Array.Resize(ref _heap, _heap.Length * 2);
        var item = new Candidate(average, a, b, slot);
        var at = Count++;
        while (at > 0)
        {
            var up = (at - 1) >> 1;
            if (!Before(item, _heap[up]))
                break;
            _heap[at] = _heap[up];
            at = up;
        }
        _heap[at] = item;
    }

    /// <summary>Appends an entry without ordering the heap: only between <see cref="Clear"/> and <see cref="Heapify"/>.</summary>
    public void Add(double average, int a, int b, int slot)
    {
        if (Count == _heap.Length)
            Array.Resize(ref _heap, _heap.Length * 2);
        _heap[Count++] = new Candidate(average, a, b, slot);
    }

    /// <summary>Orders the entries <see cref="Add"/>ed into a heap (linear time).</summary>
    public void Heapify()
    {
        for (var at = Count / 2 - 1; at >= 0; at--)
            SiftDown(at, _heap[at]);
    }

    public bool TryDequeue(out Candidate top)
    {
        if (Count == 0)
        {
            top = default;
            return false;
        }
        top = _heap[0];
        var last = _heap[--Count];
        if (Count > 0)
            SiftDown(0, last);
        return true;
    }

    /// <summary>Puts <paramref name="item"/> at <paramref name="at"/> or below, where it belongs among the first Count entries.</summary>
    private void SiftDown(int at, Candidate item)
    {
        while (true)
        {
            var child = 2 * at + 1;
            if (child >= Count)
                break;
            if (child + 1 < Count && Before(_heap[child + 1], _heap[child]))
                child++;
            if (!Before(_heap[child], item))
                break;
            _heap[at] = _heap[child];
            at = child;
        }
        _heap[at] = item;
    }

    /// <summary>Empties the queue and gives back its memory beyond <paramref name="capacity"/> entries.</summary>
    public void Clear(int capacity)
    {
        Count = 0;
        _heap = new Candidate[Math.Max(16, capacity)];
    }

    private static bool Before(in Candidate x, in Candidate y)
    {
        var c = (-x.Average).CompareTo(-y.Average);
        if (c != 0)
            return c < 0;
        return x.A != y.A ? x.A < y.A : x.B < y.B;
    }

    /// <summary>Merging b into a (a &lt; b) at this average of their similarities; <see cref="Slot"/> holds their sum.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    internal readonly record struct Candidate(double Average, int A, int B, int Slot);
}
