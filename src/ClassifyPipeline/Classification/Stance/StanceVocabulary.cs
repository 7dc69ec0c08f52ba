namespace ClassifyPipeline.Classification.Stance;

/// <summary>
/// Inverse document frequencies of stems over the training headlines and bodies, and the mean body
/// length (for BM25). Stems never seen in training get the highest IDF (they are as rare as it gets).
/// </summary>
internal sealed class StanceVocabulary
{
    private readonly Dictionary<string, float> _idf;

    public StanceVocabulary(Dictionary<string, float> idf, int documents, float meanBodyLength)
    {
        _idf = idf;
        Documents = documents;
        MeanBodyLength = meanBodyLength;
        UnseenIdf = (float)(Math.Log((1.0 + documents) / 1.0) + 1.0);
    }

    public int Documents { get; }

    public float MeanBodyLength { get; }

    public float UnseenIdf { get; }

    public IReadOnlyDictionary<string, float> Idf => _idf;

    public float IdfOf(string stem) => _idf.TryGetValue(stem, out var v) ? v : UnseenIdf;

    /// <summary>Smoothed IDF, <c>ln((1+N)/(1+df))+1</c> over distinct headlines and bodies; stems in fewer than two documents are left out.</summary>
    public static StanceVocabulary Fit(IEnumerable<StanceDocument> headlines, IEnumerable<StanceDocument> bodies)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var documents = 0;
        long bodyTokens = 0;
        var bodyCount = 0;
        foreach (var d in headlines)
        {
            documents++;
            foreach (var stem in d.Counts.Keys)
                df[stem] = df.GetValueOrDefault(stem) + 1;
        }
        foreach (var d in bodies)
        {
            documents++;
            bodyCount++;
            bodyTokens += d.Tokens.Length;
            foreach (var stem in d.Counts.Keys)
                df[stem] = df.GetValueOrDefault(stem) + 1;
        }
        var idf = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (stem, count) in df)
            if (count >= 2)
                idf[stem] = (float)(Math.Log((1.0 + documents) / (1.0 + count)) + 1.0);
        return new StanceVocabulary(idf, documents, bodyCount == 0 ? 1f : (float)bodyTokens / bodyCount);
    }
}
