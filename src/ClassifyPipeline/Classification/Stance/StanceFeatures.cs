namespace ClassifyPipeline.Classification.Stance;

/// <summary>
/// The features of one headline–body pair. Relatedness: TF-IDF cosine of the headline with the whole
/// body, its lead and its most similar sentences, stem and bigram overlap, character 5-gram
/// containment, BM25, shared numbers, lengths. Stance: counts of refuting, negating, hedging,
/// supporting and attributing cue words in the body, its lead, its first sentence, the sentences most
/// similar to the headline and near headline words; the same cues in the headline; negation polarity
/// agreement; the rate of each cue word in the body; and, for agree vs discuss, the first sentence's
/// similarity, headline words the body or its best sentence leave out, and quotation marks.
/// </summary>
internal static class StanceFeatures
{
    private static readonly string[] Refuting =
    [
        "fake", "fraud", "hoax", "false", "deny", "denies", "denied", "denying", "debunk", "debunked", "debunks",
        "bogus", "prank", "pranks", "retract", "retracted", "refute", "refutes", "refuted", "untrue", "misleading",
        "incorrect", "wrong", "baseless", "fabricated", "fabrication", "myth", "dismissed", "dismisses", "rejects", "rejected",
        "satire", "satirical", "spoof", "parody", "doubt", "doubts", "despite", "contrary", "nonsense", "lie", "lies",
        "false", "hoaxes", "scam", "photoshopped", "doctored", "unfounded", "erroneous", "mistaken", "debunking", "nope",
    ];

    private static readonly string[] Negating =
    [
        "not", "no", "never", "none", "nothing", "neither", "nor", "without", "n't", "isn't", "wasn't", "aren't",
        "weren't", "didn't", "doesn't", "don't", "won't", "can't", "cannot", "couldn't", "hasn't", "haven't", "hadn't",
    ];

    private static readonly string[] Hedging =
    [
        "reportedly", "allegedly", "alleged", "claims", "claim", "claimed", "claiming", "may", "might", "could",
        "apparently", "purportedly", "purported", "rumor", "rumors", "rumour", "rumours", "rumored", "unconfirmed",
        "unverified", "according", "suggests", "suggested", "appears", "appear", "seems", "seem", "possibly", "possible",
        "reports", "reported", "supposedly", "speculation", "speculated", "whether", "believed", "unclear", "if",
        "likely", "perhaps", "report", "sources", "source", "would", "tweeted", "circulating", "viral",
    ];

    private static readonly string[] Supporting =
    [
        "confirmed", "confirms", "confirm", "confirming", "official", "officially", "announced", "announces", "revealed",
        "reveals", "proof", "evidence", "indeed", "true", "verified", "statement", "said", "says", "admitted", "admits",
        "acknowledged", "shows", "showed", "video", "footage", "photos",
    ];

    /// <summary>Attribution: who says so. Reporting a claim through a source is what "discuss" bodies do.</summary>
    private static readonly string[] Attributing =
    [
        "said", "says", "told", "according", "reported", "reporting", "stated", "states", "wrote", "writes", "tweeted",
        "added", "explained", "insisted", "noted", "posted", "quoted", "quoting", "interview", "spokesman", "spokeswoman",
        "spokesperson", "representative", "statement", "cited", "citing", "sources", "insider", "insiders",
    ];

    private static readonly HashSet<string> RefutingSet = new(Refuting, StringComparer.Ordinal);
    private static readonly HashSet<string> NegatingSet = new(Negating, StringComparer.Ordinal);
    private static readonly HashSet<string> HedgingSet = new(Hedging, StringComparer.Ordinal);
    private static readonly HashSet<string> SupportingSet = new(Supporting, StringComparer.Ordinal);
    private static readonly HashSet<string> AttributingSet = new(Attributing, StringComparer.Ordinal);

    /// <summary>Cue words with a feature of their own (their rate in the body), in a fixed order.</summary>
    private static readonly string[] CueWords = Refuting.Concat(Negating).Concat(Hedging).Concat(Supporting).Concat(Attributing).Distinct(StringComparer.Ordinal).ToArray();

    private static readonly Dictionary<string, int> CueIndex = CueWords.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);

    private static readonly HashSet<string>[] Lexicons = [RefutingSet, NegatingSet, HedgingSet, SupportingSet, AttributingSet];

    private const int LeadSentenceCount = 3;
    private const int TopSentences = 3;
    private const int NearWindow = 6;
    private const int FixedCount = 26;
    private const int PerLexicon = 7;

    /// <summary>The number of features; part of the model format (a model records it and checks it on load).</summary>
    public static int Count { get; } = FixedCount + PerLexicon * Lexicons.Length + CueWords.Length;

    /// <summary>What the features need of a body regardless of the headline, computed once per distinct body.</summary>
    internal sealed class PreparedBody
    {
        public PreparedBody(StanceVocabulary vocabulary, StanceDocument body)
        {
            Document = body;
            Weights = StanceFeatures.Weights(vocabulary, body.Counts, out var norm);
            Norm = norm;
            LeadSentences = Math.Min(LeadSentenceCount, body.SentenceCount);
            LeadCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var s = 0; s < LeadSentences; s++)
                foreach (var (stem, c) in body.SentenceCounts[s])
                    LeadCounts[stem] = LeadCounts.GetValueOrDefault(stem) + c;
            LeadWeights = StanceFeatures.Weights(vocabulary, LeadCounts, out var leadNorm);
            LeadNorm = leadNorm;
            SentenceWeights = new Dictionary<string, float>[body.SentenceCount];
            SentenceNorms = new float[body.SentenceCount];
            for (var s = 0; s < body.SentenceCount; s++)
                SentenceWeights[s] = StanceFeatures.Weights(vocabulary, body.SentenceCounts[s], out SentenceNorms[s]);
            Bigrams = new HashSet<(string, string)>();
            string? previous = null;
            foreach (var stem in body.Stems)
            {
                if (stem is null)
                    continue;
                if (previous is not null)
                    Bigrams.Add((previous, stem));
                previous = stem;
            }
            Numbers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var t in body.Tokens)
                if (t.Length > 0 && char.IsAsciiDigit(t[0]))
                    Numbers.Add(t);
            LexiconCounts = new int[Lexicons.Length];
            LeadLexiconCounts = new int[Lexicons.Length];
            var leadEnd = LeadSentences > 0 ? body.SentenceEnd(LeadSentences - 1) : 0;
            for (var l = 0; l < Lexicons.Length; l++)
            {
                LexiconCounts[l] = CountIn(body, 0, body.Tokens.Length, Lexicons[l]);
                LeadLexiconCounts[l] = CountIn(body, 0, leadEnd, Lexicons[l]);
            }
            QuoteRate = 100f * body.QuoteCount / Math.Max(1, body.Tokens.Length);
            CueRates = new float[CueWords.Length];
            foreach (var t in body.Tokens)
                if (CueIndex.TryGetValue(t, out var i))
                    CueRates[i]++;
            var tokens = Math.Max(1, body.Tokens.Length);
            for (var i = 0; i < CueRates.Length; i++)
                CueRates[i] = 100f * CueRates[i] / tokens;
        }

        public StanceDocument Document { get; }
        public Dictionary<string, float> Weights { get; }
        public float Norm { get; }
        public int LeadSentences { get; }
        public Dictionary<string, int> LeadCounts { get; }
        public Dictionary<string, float> LeadWeights { get; }
        public float LeadNorm { get; }
        public Dictionary<string, float>[] SentenceWeights { get; }
        public float[] SentenceNorms { get; }
        public HashSet<(string, string)> Bigrams { get; }
        public HashSet<string> Numbers { get; }
        public int[] LexiconCounts { get; }
        public int[] LeadLexiconCounts { get; }
        public float[] CueRates { get; }
        public float QuoteRate { get; }
    }

    public static float[] Compute(StanceVocabulary vocabulary, StanceDocument headline, PreparedBody prepared)
    {
        var body = prepared.Document;
        var f = new float[Count];
        var k = 0;

        var head = Weights(vocabulary, headline.Counts, out var headNorm);
        f[k++] = Cosine(head, headNorm, prepared.Weights, prepared.Norm);
        var leadCounts = prepared.LeadCounts;
        var leadSentences = prepared.LeadSentences;
        f[k++] = Cosine(head, headNorm, prepared.LeadWeights, prepared.LeadNorm);

        // Sentence similarities: best, mean of the best three, where the best is, share above 0.1.
        var sims = new float[body.SentenceCount];
        for (var s = 0; s < sims.Length; s++)
            sims[s] = Cosine(head, headNorm, prepared.SentenceWeights[s], prepared.SentenceNorms[s]);
        var top = TopIndices(sims, TopSentences);
        f[k++] = top.Length > 0 ? sims[top[0]] : 0f;
        float topSum = 0;
        foreach (var i in top)
            topSum += sims[i];
        f[k++] = top.Length > 0 ? topSum / top.Length : 0f;
        f[k++] = top.Length > 0 ? (float)top[0] / sims.Length : 1f;
        var above = 0;
        foreach (var v in sims)
            if (v > 0.1f)
                above++;
        f[k++] = sims.Length > 0 ? (float)above / sims.Length : 0f;

        // Overlap of headline stems with the body and its lead: plain and IDF-weighted.
        float shared = 0, sharedIdf = 0, totalIdf = 0, sharedLead = 0;
        foreach (var stem in headline.Counts.Keys)
        {
            var idf = vocabulary.IdfOf(stem);
            totalIdf += idf;
            if (body.Counts.ContainsKey(stem))
            {
                shared++;
                sharedIdf += idf;
            }
            if (leadCounts.ContainsKey(stem))
                sharedLead++;
        }
        var headTerms = Math.Max(1, headline.Counts.Count);
        f[k++] = shared / headTerms;
        f[k++] = totalIdf > 0 ? sharedIdf / totalIdf : 0f;
        f[k++] = sharedLead / headTerms;
        f[k++] = BigramOverlap(headline, prepared.Bigrams);
        f[k++] = Containment(headline.CharGrams, body.CharGrams);
        f[k++] = Bm25(vocabulary, headline, body);
        f[k++] = headline.Counts.Count;
        f[k++] = (float)Math.Log(1 + body.Tokens.Length);
        var (numbers, numbersShared) = Numbers(headline, prepared.Numbers);
        f[k++] = numbers;
        f[k++] = numbers > 0 ? numbersShared / numbers : -1f;
        f[k++] = headline.HasQuestion ? 1f : 0f;
        f[k++] = CountIn(headline, 0, headline.Tokens.Length, NegatingSet) % 2 == (top.Length > 0 ? CountIn(body, body.SentenceStarts[top[0]], body.SentenceEnd(top[0]), NegatingSet) % 2 : 0) ? 1f : 0f;
        f[k++] = body.SentenceCount;
        f[k++] = shared;

        // Agree vs discuss: the first sentence, headline words the body leaves out, quoted speech.
        f[k++] = sims.Length > 0 ? sims[0] : 0f;
        float missingMax = 0, missingTop = 0;
        var topCounts = top.Length > 0 ? body.SentenceCounts[top[0]] : null;
        foreach (var stem in headline.Counts.Keys)
        {
            var idf = vocabulary.IdfOf(stem);
            if (!body.Counts.ContainsKey(stem))
                missingMax = Math.Max(missingMax, idf);
            if (topCounts is null || !topCounts.ContainsKey(stem))
                missingTop += idf;
        }
        f[k++] = missingMax / vocabulary.UnseenIdf;
        f[k++] = totalIdf > 0 ? missingTop / totalIdf : 0f;
        f[k++] = prepared.QuoteRate;
        f[k++] = top.Length > 0 ? body.SentenceQuotes[top[0]] : 0f;
        f[k++] = headline.QuoteCount;

        // Cues, per lexicon: in the body (per 100 tokens), the lead, the top sentences, near headline stems, the headline, the top sentence, the first sentence.
        var tokens = Math.Max(1, body.Tokens.Length);
        var near = NearHeadline(headline, body);
        for (var l = 0; l < Lexicons.Length; l++)
        {
            var lexicon = Lexicons[l];
            f[k++] = 100f * prepared.LexiconCounts[l] / tokens;
            f[k++] = prepared.LeadLexiconCounts[l];
            var inTop = 0;
            foreach (var s in top)
                inTop += CountIn(body, body.SentenceStarts[s], body.SentenceEnd(s), lexicon);
            f[k++] = inTop;
            var nearCount = 0;
            for (var i = 0; i < body.Tokens.Length; i++)
                if (near[i] && (lexicon.Contains(body.Tokens[i]) || (l == 1 && body.Tokens[i].EndsWith("n't", StringComparison.Ordinal))))
                    nearCount++;
            f[k++] = nearCount;
            f[k++] = CountIn(headline, 0, headline.Tokens.Length, lexicon);
            f[k++] = top.Length > 0 ? CountIn(body, body.SentenceStarts[top[0]], body.SentenceEnd(top[0]), lexicon) : 0;
            f[k++] = body.SentenceCount > 0 ? CountIn(body, 0, body.SentenceEnd(0), lexicon) : 0;
        }

        prepared.CueRates.CopyTo(f, k);
        k += CueWords.Length;

        if (k != Count)
            throw new InvalidOperationException($"feature count mismatch: {k} != {Count}");
        return f;
    }

    internal static Dictionary<string, float> Weights(StanceVocabulary vocabulary, Dictionary<string, int> counts, out float norm)
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

    private static float Cosine(Dictionary<string, float> a, float normA, Dictionary<string, float> b, float normB)
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

    private static float BigramOverlap(StanceDocument headline, HashSet<(string, string)> bodyBigrams)
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
    private static int[] TopIndices(float[] values, int n)
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

    private static float Containment(int[] small, int[] large)
    {
        if (small.Length == 0)
            return 0f;
        var found = 0;
        foreach (var h in small)
            if (Array.BinarySearch(large, h) >= 0)
                found++;
        return (float)found / small.Length;
    }

    private static float Bm25(StanceVocabulary vocabulary, StanceDocument headline, StanceDocument body)
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

    private static (float Numbers, float Shared) Numbers(StanceDocument headline, HashSet<string> bodyNumbers)
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

    private static int CountIn(StanceDocument d, int from, int to, HashSet<string> lexicon)
    {
        var n = 0;
        for (var i = from; i < to; i++)
        {
            var t = d.Tokens[i];
            if (lexicon.Contains(t) || (ReferenceEquals(lexicon, NegatingSet) && t.EndsWith("n't", StringComparison.Ordinal)))
                n++;
        }
        return n;
    }

    /// <summary>Marks body tokens within a few tokens of a headline stem.</summary>
    private static bool[] NearHeadline(StanceDocument headline, StanceDocument body)
    {
        var near = new bool[body.Tokens.Length];
        for (var i = 0; i < body.Stems.Length; i++)
        {
            if (body.Stems[i] is not { } stem || !headline.Counts.ContainsKey(stem))
                continue;
            var from = Math.Max(0, i - NearWindow);
            var to = Math.Min(near.Length - 1, i + NearWindow);
            for (var j = from; j <= to; j++)
                near[j] = true;
        }
        return near;
    }
}
