namespace ClassifyPipeline.Classification.Stance;

/// <summary>
/// The similarity measures of the stance features: TF-IDF weights (sublinear tf × the vocabulary's IDF) and their
/// cosine on stem dictionaries, bigram overlap, character-gram containment, BM25 and shared numbers.
/// </summary>
internal static class StanceSimilarity
{
    public static Dictionary<string, float> Weights(StanceVocabulary vocabulary, Dictionary<string, int> counts, out float norm)
    {
        var w = new Dictionary<string, float>(counts.Count, StringComparer.Ordinal);
        double sum = 0;
        foreach (var (stem, c) in counts)
        {
            var v = (float)((1 + Math.Log(c)) * vocabulary.IdfOf(stem));
            w[stem] = v;
            sum += v * v;
        }
        norm = (float)Math.Sqrt(sum);
        return w;
    }

    public static float Cosine(Dictionary<string, float> a, float normA, Dictionary<string, float> b, float normB)
    {
        if (normA == 0 || normB == 0)
            return 0f;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        double dot = 0;
        foreach (var (stem, v) in small)
            if (large.TryGetValue(stem, out var u))
                dot += v * u;
        return (float)(dot / (normA * normB));
    }

    public static float BigramOverlap(StanceDocument headline, HashSet<(string, string)> bodyBigrams)
    {
        int total = 0, found = 0;
        string? previous = null;
        foreach (var s in headline.Stems)
        {
            if (s is null)
                continue;
            if (previous is not null)
            {
                total++;
                if (bodyBigrams.Contains((previous, s)))
                    found++;
            }
            previous = s;
        }
        return total == 0 ? 0f : (float)found / total;
    }

    /// <summary>Indices of the <paramref name="n"/> largest values, largest first (ties: earlier first).</summary>
    public static int[] TopIndices(float[] values, int n)
    {
        var top = new List<int>(n + 1);
        for (var i = 0; i < values.Length; i++)
        {
            var at = top.Count;
            while (at > 0 && values[top[at - 1]] < values[i])
                at--;
            if (at < n)
            {
                top.Insert(at, i);
                if (top.Count > n)
                    top.RemoveAt(n);
            }
        }
        return top.ToArray();
    }

    public static float Containment(int[] small, int[] large)
    {
        if (small.Length == 0)
            return 0f;
        var found = 0;
        foreach (var h in small)
            if (Array.BinarySearch(large, h) >= 0)
                found++;
        return (float)found / small.Length;
    }

    public static float Bm25(StanceVocabulary vocabulary, StanceDocument headline, StanceDocument body)
    {
        const double k1 = 1.2, b = 0.75;
        double score = 0, best = 0;
        var lengthNorm = 1 - b + b * body.Tokens.Length / Math.Max(1f, vocabulary.MeanBodyLength);
        foreach (var stem in headline.Counts.Keys)
        {
            var idf = vocabulary.IdfOf(stem);
            best += idf;
            if (body.Counts.TryGetValue(stem, out var tf))
                score += idf * tf * (k1 + 1) / (tf + k1 * lengthNorm);
        }
        return best == 0 ? 0f : (float)(score / (best * (k1 + 1)));
    }

    public static (float Numbers, float Shared) Numbers(StanceDocument headline, HashSet<string> bodyNumbers)
    {
        float numbers = 0, shared = 0;
        foreach (var t in headline.Tokens)
        {
            if (t.Length == 0 || !char.IsAsciiDigit(t[0]))
                continue;
            numbers++;
            if (bodyNumbers.Contains(t))
                shared++;
        }
        return (numbers, shared);
    }
}
