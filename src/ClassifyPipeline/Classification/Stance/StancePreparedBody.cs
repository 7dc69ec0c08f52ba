namespace ClassifyPipeline.Classification.Stance;

/// <summary>What the features need of a body regardless of the headline, computed once per distinct body.</summary>
internal sealed class StancePreparedBody
{
    public StancePreparedBody(StanceVocabulary vocabulary, StanceDocument body)
    {
        Document = body;
        Weights = StanceSimilarity.Weights(vocabulary, body.Counts, out var norm);
        Norm = norm;
        LeadSentences = Math.Min(StanceFeatures.LeadSentenceCount, body.SentenceCount);
        LeadCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < LeadSentences; s++)
            foreach (var (stem, c) in body.SentenceCounts[s])
                LeadCounts[stem] = LeadCounts.GetValueOrDefault(stem) + c;
        LeadWeights = StanceSimilarity.Weights(vocabulary, LeadCounts, out var leadNorm);
        LeadNorm = leadNorm;
        SentenceWeights = new Dictionary<string, float>[body.SentenceCount];
        SentenceNorms = new float[body.SentenceCount];
        for (var s = 0; s < body.SentenceCount; s++)
            SentenceWeights[s] = StanceSimilarity.Weights(vocabulary, body.SentenceCounts[s], out SentenceNorms[s]);
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
        LexiconCounts = new int[StanceLexicons.All.Length];
        LeadLexiconCounts = new int[StanceLexicons.All.Length];
        var leadEnd = LeadSentences > 0 ? body.SentenceEnd(LeadSentences - 1) : 0;
        for (var l = 0; l < StanceLexicons.All.Length; l++)
        {
            LexiconCounts[l] = StanceLexicons.CountIn(body, 0, body.Tokens.Length, StanceLexicons.All[l]);
            LeadLexiconCounts[l] = StanceLexicons.CountIn(body, 0, leadEnd, StanceLexicons.All[l]);
        }
        QuoteRate = 100f * body.QuoteCount / Math.Max(1, body.Tokens.Length);
        CueRates = new float[StanceLexicons.CueWords.Length];
        foreach (var t in body.Tokens)
            if (StanceLexicons.CueIndex.TryGetValue(t, out var i))
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
