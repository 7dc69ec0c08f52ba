using System.Collections.Concurrent;

namespace ClassifyPipeline.Vectors;

/// <summary>
/// Term ids for one batch while it is analyzed, from any number of threads: each distinct term gets a batch-local id,
/// and each document is kept as a <see cref="TermBag"/> of those ids instead of its term strings. Local ids depend on
/// thread timing; <see cref="Vocabulary"/> lets the caller renumber them into an order that does not.
/// </summary>
public sealed class BatchTerms
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private int _next = -1;

    /// <summary>The bag of a document's terms (one entry per occurrence); safe to call from several threads.</summary>
    public TermBag Bag(IReadOnlyList<string> terms)
    {
        if (terms.Count == 0)
            return TermBag.Empty;
        var ids = terms.Count <= 1024 ? stackalloc int[terms.Count] : new int[terms.Count];
        for (var k = 0; k < ids.Length; k++)
        {
            var term = terms[k];
            if (!_ids.TryGetValue(term, out var id))
                id = _ids.GetOrAdd(term, _ => Interlocked.Increment(ref _next));
            ids[k] = id;
        }
        return TermBag.FromOccurrences(ids);
    }

    /// <summary>
    /// The term of each local id (null for an id drawn but not used: two threads may race to add one term).
    /// Call once every bag is made.
    /// </summary>
    public string?[] Vocabulary()
    {
        var vocabulary = new string?[_next + 1];
        foreach (var (term, id) in _ids)
            vocabulary[id] = term;
        return vocabulary;
    }
}
