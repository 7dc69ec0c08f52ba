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
    internal const int LeadSentenceCount = 3;
    private const int TopSentences = 3;
    private const int NearWindow = 6;
    private const int FixedCount = 26;
    private const int PerLexicon = 7;

    /// <summary>The number of features; part of the model format (a model records it and checks it on load).</summary>
    public static int Count { get; } = FixedCount + PerLexicon * StanceLexicons.All.Length + StanceLexicons.CueWords.Length;

    public static float[] Compute(StanceVocabulary vocabulary, StanceDocument headline, StancePreparedBody prepared)
    {
        var body = prepared.Document;
        var f = new float[Count];
        var k = 0;

        var head = StanceSimilarity.Weights(vocabulary, headline.Counts, out var headNorm);
        f[k++] = StanceSimilarity.Cosine(head, headNorm, prepared.Weights, prepared.Norm);
        var leadCounts = prepared.LeadCounts;
        var leadSentences = prepared.LeadSentences;
        f[k++] = StanceSimilarity.Cosine(head, headNorm, prepared.LeadWeights, prepared.LeadNorm);

        // Sentence similarities: best, mean of the best three, where the best is, share above 0.1.
        var sims = new float[body.SentenceCount];
        for (var s = 0; s < sims.Length; s++)
            sims[s] = StanceSimilarity.Cosine(head, headNorm, prepared.SentenceWeights[s], prepared.SentenceNorms[s]);
        var top = StanceSimilarity.TopIndices(sims, TopSentences);
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
        f[k++] = StanceSimilarity.BigramOverlap(headline, prepared.Bigrams);
        f[k++] = StanceSimilarity.Containment(headline.CharGrams, body.CharGrams);
        f[k++] = StanceSimilarity.Bm25(vocabulary, headline, body);
        f[k++] = headline.Counts.Count;
        f[k++] = (float)Math.Log(1 + body.Tokens.Length);
        var (numbers, numbersShared) = StanceSimilarity.Numbers(headline, prepared.Numbers);
        f[k++] = numbers;
        f[k++] = numbers > 0 ? numbersShared / numbers : -1f;
        f[k++] = headline.HasQuestion ? 1f : 0f;
        f[k++] = StanceLexicons.CountIn(headline, 0, headline.Tokens.Length, StanceLexicons.NegatingSet) % 2 == (top.Length > 0 ? StanceLexicons.CountIn(body, body.SentenceStarts[top[0]], body.SentenceEnd(top[0]), StanceLexicons.NegatingSet) % 2 : 0) ? 1f : 0f;
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
        for (var l = 0; l < StanceLexicons.All.Length; l++)
        {
            var lexicon = StanceLexicons.All[l];
            f[k++] = 100f * prepared.LexiconCounts[l] / tokens;
            f[k++] = prepared.LeadLexiconCounts[l];
            var inTop = 0;
            foreach (var s in top)
                inTop += StanceLexicons.CountIn(body, body.SentenceStarts[s], body.SentenceEnd(s), lexicon);
            f[k++] = inTop;
            var nearCount = 0;
            for (var i = 0; i < body.Tokens.Length; i++)
                if (near[i] && (lexicon.Contains(body.Tokens[i]) || (l == 1 && body.Tokens[i].EndsWith("n't", StringComparison.Ordinal))))
                    nearCount++;
            f[k++] = nearCount;
            f[k++] = StanceLexicons.CountIn(headline, 0, headline.Tokens.Length, lexicon);
            f[k++] = top.Length > 0 ? StanceLexicons.CountIn(body, body.SentenceStarts[top[0]], body.SentenceEnd(top[0]), lexicon) : 0;
            f[k++] = body.SentenceCount > 0 ? StanceLexicons.CountIn(body, 0, body.SentenceEnd(0), lexicon) : 0;
        }

        prepared.CueRates.CopyTo(f, k);
        k += StanceLexicons.CueWords.Length;

        if (k != Count)
            throw new InvalidOperationException($"feature count mismatch: {k} != {Count}");
        return f;
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
