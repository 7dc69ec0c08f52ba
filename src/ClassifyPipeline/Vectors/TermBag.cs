namespace ClassifyPipeline.Vectors;

/// <summary>
/// A document's distinct terms (ids, ascending) with how often each occurs, packed into one byte array: the
/// number of terms, then per term the gap to the previous id and the count, each as a 7-bit varint. About two
/// and a half bytes a term instead of eight, so a million articles' terms fit in a few hundred megabytes; the
/// same bytes are what the state stores.
/// </summary>
public sealed class TermBag
{
    public static readonly TermBag Empty = new([0], 0);

    private readonly byte[] _data;

    private TermBag(byte[] data, int count)
    {
        _data = data;
        Count = count;
    }

    /// <summary>How many distinct terms.</summary>
    public int Count { get; }

    /// <summary>The packed form (what <see cref="Decode"/> reads back).</summary>
    public ReadOnlySpan<byte> Bytes => _data;

    /// <summary>The bag of a document given as its term occurrences, one id per occurrence, in any order. Sorts <paramref name="occurrences"/>.</summary>
    public static TermBag FromOccurrences(Span<int> occurrences)
    {
        if (occurrences.Length == 0)
            return Empty;
        occurrences.Sort();
        Span<byte> buffer = occurrences.Length * 10 + 5 <= 4096 ? stackalloc byte[occurrences.Length * 10 + 5] : new byte[occurrences.Length * 10 + 5];
        var at = 0;
        var distinct = 0;
        var previous = 0;
        // the distinct count comes first but is only known at the end: written after, then moved to the front
        for (var k = 0; k < occurrences.Length;)
        {
            var id = occurrences[k];
            var end = k + 1;
            while (end < occurrences.Length && occurrences[end] == id)
                end++;
            if (id < 0)
                throw new ArgumentException("term ids are not negative", nameof(occurrences));
            at += Write(buffer[at..], (uint)(id - previous));
            at += Write(buffer[at..], (uint)(end - k));
            previous = id;
            distinct++;
            k = end;
        }
        Span<byte> head = stackalloc byte[5];
        var headLength = Write(head, (uint)distinct);
        var data = new byte[headLength + at];
        head[..headLength].CopyTo(data);
        buffer[..at].CopyTo(data.AsSpan(headLength));
        return new TermBag(data, distinct);
    }

    /// <summary>The bag of sorted distinct ids and their counts.</summary>
    public static TermBag FromSorted(ReadOnlySpan<int> ids, ReadOnlySpan<int> counts)
    {
        if (ids.Length != counts.Length)
            throw new ArgumentException("one count per id");
        var buffer = new byte[5 + ids.Length * 10];
        var at = Write(buffer, (uint)ids.Length);
        var previous = 0;
        for (var k = 0; k < ids.Length; k++)
        {
            if (ids[k] < previous || (k > 0 && ids[k] == previous) || counts[k] < 1)
                throw new ArgumentException("ids must ascend strictly and counts be positive");
            at += Write(buffer.AsSpan(at), (uint)(ids[k] - previous));
            at += Write(buffer.AsSpan(at), (uint)counts[k]);
            previous = ids[k];
        }
        return new TermBag(buffer.AsSpan(0, at).ToArray(), ids.Length);
    }

    /// <summary>Reads a bag back from <see cref="Bytes"/>; throws <see cref="InvalidDataException"/> on corrupt data.</summary>
    public static TermBag Decode(byte[] data)
    {
        var at = 0;
        var count = (int)Read(data, ref at);
        var bag = new TermBag(data, count);
        var previous = 0L;
        for (var k = 0; k < count; k++)
        {
            previous += Read(data, ref at);
            if (Read(data, ref at) == 0 || previous > int.MaxValue)
                throw new InvalidDataException("corrupt term bag");
        }
        if (at != data.Length)
            throw new InvalidDataException("corrupt term bag: trailing bytes");
        return bag;
    }

    /// <summary>Writes the ids and counts into the spans (each at least <see cref="Count"/> long).</summary>
    public void CopyTo(Span<int> ids, Span<int> counts)
    {
        var at = 0;
        var count = (int)Read(_data, ref at);
        var id = 0;
        for (var k = 0; k < count; k++)
        {
            id += (int)Read(_data, ref at);
            ids[k] = id;
            counts[k] = (int)Read(_data, ref at);
        }
    }

    /// <summary>The ids and counts as new arrays.</summary>
    public (int[] Ids, int[] Counts) ToArrays()
    {
        var ids = new int[Count];
        var counts = new int[Count];
        CopyTo(ids, counts);
        return (ids, counts);
    }

    /// <summary>The same bag with every id replaced by <paramref name="map"/>[id] (re-sorted).</summary>
    public TermBag Remap(ReadOnlySpan<int> map)
    {
        var (ids, counts) = ToArrays();
        for (var k = 0; k < ids.Length; k++)
            ids[k] = map[ids[k]];
        Array.Sort(ids, counts);
        return FromSorted(ids, counts);
    }

    public bool SameAs(TermBag other) => _data.AsSpan().SequenceEqual(other._data);

    /// <summary>A 64-bit FNV-1a hash of the packed bytes: stored beside a bag so a bag let go can still be compared.</summary>
    public long Hash()
    {
        var h = 14695981039346656037UL;
        foreach (var b in _data)
            h = (h ^ b) * 1099511628211UL;
        return (long)h;
    }

    private static int Write(Span<byte> buffer, uint value)
    {
        var at = 0;
        while (value >= 0x80)
        {
            buffer[at++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buffer[at++] = (byte)value;
        return at;
    }

    private static uint Read(byte[] data, ref int at)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (at >= data.Length)
                throw new InvalidDataException("corrupt term bag: truncated");
            var b = data[at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }
        throw new InvalidDataException("corrupt term bag: varint too long");
    }
}
