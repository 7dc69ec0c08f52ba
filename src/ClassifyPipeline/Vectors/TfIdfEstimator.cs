namespace ClassifyPipeline.Vectors;

/// <summary>The untrained half of the Vectorize stage: fits a <see cref="TfIdfModel"/> from corpus statistics.</summary>
public sealed class TfIdfEstimator(VectorizeOptions options)
{
    public TfIdfModel Fit(CorpusStatistics statistics)
    {
        var n = statistics.DocumentCount;
        var maxDf = options.MaxDocumentFrequency * n;
        var kept = statistics.DocumentFrequency
            .Where(p => p.Value >= options.MinDocumentFrequency && p.Value <= maxDf)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        var terms = new string[kept.Count];
        var idf = new float[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            terms[i] = kept[i].Key;
            var df = (double)kept[i].Value;
            idf[i] = (float)(options.SmoothIdf ? Math.Log((1.0 + n) / (1.0 + df)) + 1 : Math.Log(n / df) + 1);
        }
        return new TfIdfModel(terms, idf, options.SublinearTf);
    }
}
