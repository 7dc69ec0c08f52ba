namespace ClassifyPipeline.Dedup;

/// <summary>
/// The per-article bound on the join's edges (<see cref="DedupOptions.MaxNeighbors"/>): of the matches an article
/// finds among the articles before it (in the join's order), it keeps the <c>k</c> with the highest cosine, ties to
/// the earlier article, so a corpus holds at most n·k edges however dense its window. The choice depends only on the
/// set of matches, never on the order they were found in: the same for any thread count.
/// </summary>
public static class NeighborCap
{
    /// <summary>
    /// The at most <paramref name="k"/> best of <paramref name="matches"/> (highest cosine, then lowest position), by
    /// position; <paramref name="matches"/> itself when it holds no more (k ≤ 0: no cap). Reorders the array it is given.
    /// </summary>
    public static (int I, double Cosine)[] Keep((int I, double Cosine)[] matches, int k)
    {
        if (k <= 0 || matches.Length <= k)
            return matches;
        Array.Sort(matches, Better);
        var kept = matches[..k];
        Array.Sort(kept, (a, b) => a.I.CompareTo(b.I));
        return kept;
    }

    /// <summary>Trims a list that keeps growing to its <paramref name="k"/> best (in no set order) once it holds twice as many.</summary>
    public static void Trim(List<(int I, double Cosine)> matches, int k)
    {
        if (k <= 0 || matches.Count < 2 * k)
            return;
        matches.Sort(Better);
        matches.RemoveRange(k, matches.Count - k);
    }

    /// <summary>
    /// The same bound over a pair list ordered by j then i (as <see cref="WindowJoin.Find"/> returns it, or a joiner's
    /// pairs as positions): each j keeps its <paramref name="k"/> best earlier i. Order kept; k ≤ 0: the list itself.
    /// </summary>
    public static List<(int I, int J, double Cosine)> Apply(List<(int I, int J, double Cosine)> pairs, int k)
    {
        if (k <= 0)
            return pairs;
        var result = new List<(int I, int J, double Cosine)>(pairs.Count);
        var start = 0;
        while (start < pairs.Count)
        {
            var j = pairs[start].J;
            var end = start + 1;
            while (end < pairs.Count && pairs[end].J == j)
                end++;
            var matches = new (int I, double Cosine)[end - start];
            for (var p = start; p < end; p++)
                matches[p - start] = (pairs[p].I, pairs[p].Cosine);
            foreach (var (i, cosine) in Keep(matches, k))
                result.Add((i, j, cosine));
            start = end;
        }
        return result;
    }

    private static int Better((int I, double Cosine) a, (int I, double Cosine) b)
    {
        var byCosine = b.Cosine.CompareTo(a.Cosine);
        return byCosine != 0 ? byCosine : a.I.CompareTo(b.I);
    }
}
