using System.Collections.Concurrent;

namespace ClassifyPipeline.State;

/// <summary>
/// An article's terms with their counts, sorted by term (ordinal), as the state stores them. Counts rather than
/// TF-IDF weights are kept because IDF changes as the corpus grows: vectors are rebuilt on every run.
/// </summary>
public sealed class TermCounts
{
    public static readonly TermCounts Empty = new([], []);

    private readonly string[] _terms;
    private readonly int[] _counts;

    private TermCounts(string[] terms, int[] counts)
    {
        _terms = terms;
        _counts = counts;
    }

    public int Count => _terms.Length;

    /// <summary>The distinct terms, in ordinal order.</summary>
    public IReadOnlyList<string> Terms => _terms;

    /// <param name="pool">
    /// Term strings already held, shared by the articles of a batch: each distinct term is then kept once rather than
    /// once per article holding it (an article's strings come fresh from its analysis).
    /// </param>
    public static TermCounts From(IReadOnlyList<string> terms, ConcurrentDictionary<string, string>? pool = null)
    {
        if (terms.Count == 0)
            return Empty;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms)
            counts[term] = counts.GetValueOrDefault(term) + 1;
        var keys = counts.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var values = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            values[i] = counts[keys[i]];
            if (pool is not null)
                keys[i] = pool.GetOrAdd(keys[i], keys[i]);
        }
        return new TermCounts(keys, values);
    }

    /// <summary>How often each of <see cref="Terms"/> occurs.</summary>
    public IReadOnlyList<int> Counts => _counts;

    public bool SameAs(TermCounts other) =>
        _terms.AsSpan().SequenceEqual(other._terms) && _counts.AsSpan().SequenceEqual(other._counts);

    /// <summary>Binary form: the number of terms, then each term (length-prefixed UTF-8) and its count (7-bit encoded).</summary>
    public byte[] Encode()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(_terms.Length);
            for (var i = 0; i < _terms.Length; i++)
            {
                writer.Write(_terms[i]);
                writer.Write7BitEncodedInt(_counts[i]);
            }
        }
        return buffer.ToArray();
    }

    public static TermCounts Decode(byte[] data)
    {
        using var reader = new BinaryReader(new MemoryStream(data, writable: false), System.Text.Encoding.UTF8);
        var count = reader.Read7BitEncodedInt();
        if (count < 0 || count > data.Length)
            throw new InvalidDataException("corrupt term counts");
        var terms = new string[count];
        var counts = new int[count];
        for (var i = 0; i < count; i++)
        {
            terms[i] = reader.ReadString();
            counts[i] = reader.Read7BitEncodedInt();
        }
        return new TermCounts(terms, counts);
    }
}
