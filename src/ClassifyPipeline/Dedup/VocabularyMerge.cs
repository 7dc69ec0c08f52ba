using ClassifyPipeline.Corpus;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// Renumbers a batch's local term ids into the corpus state's ids: a stored term keeps its id; terms new to the
/// state get the next ids in ordinal order of the terms, so the numbering does not depend on how the batch was
/// analyzed (threads, input order) and a run over an empty state numbers terms exactly as their ordinal order.
/// </summary>
public sealed class VocabularyMerge
{
    private VocabularyMerge(int[] localToGlobal, string[] terms, int storedCount)
    {
        LocalToGlobal = localToGlobal;
        Terms = terms;
        StoredCount = storedCount;
    }

    /// <summary>For each batch-local id, the corpus id (-1 for a local id never used).</summary>
    public int[] LocalToGlobal { get; }

    /// <summary>Every term by corpus id: the stored ones, then the batch's new ones.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>How many terms the state held before the batch.</summary>
    public int StoredCount { get; }

    /// <summary>The terms new to the state: corpus id → term.</summary>
    public IReadOnlyDictionary<int, string> NewTerms()
    {
        var result = new Dictionary<int, string>(Terms.Count - StoredCount);
        for (var id = StoredCount; id < Terms.Count; id++)
            result[id] = Terms[id];
        return result;
    }

    public static VocabularyMerge Build(IReadOnlyList<string> stored, IReadOnlyList<string?> local)
    {
        var index = new Dictionary<string, int>(stored.Count, StringComparer.Ordinal);
        for (var id = 0; id < stored.Count; id++)
            index[stored[id]] = id;
        var map = new int[local.Count];
        var fresh = new List<(string Term, int Local)>();
        for (var l = 0; l < local.Count; l++)
        {
            map[l] = -1;
            if (local[l] is not { } term)
                continue;
            if (index.TryGetValue(term, out var id))
                map[l] = id;
            else
                fresh.Add((term, l));
        }
        fresh.Sort((a, b) => string.CompareOrdinal(a.Term, b.Term));
        var terms = new string[stored.Count + fresh.Count];
        for (var id = 0; id < stored.Count; id++)
            terms[id] = stored[id];
        for (var k = 0; k < fresh.Count; k++)
        {
            terms[stored.Count + k] = fresh[k].Term;
            map[fresh[k].Local] = stored.Count + k;
        }
        return new VocabularyMerge(map, terms, stored.Count);
    }
}
