using ClassifyPipeline.Corpus;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Dedup;

/// <summary>The corpus's term statistics as a batch changes them: stored document frequencies plus the batch's changes.</summary>
internal sealed class CorpusStatisticsDelta
{
    private readonly long[] _df;
    private readonly long[] _delta;

    public CorpusStatisticsDelta(CorpusVocabulary stored, int terms)
    {
        _df = new long[terms];
        _delta = new long[terms];
        for (var t = 0; t < stored.DocumentFrequency.Count; t++)
            _df[t] = stored.DocumentFrequency[t];
        DocumentCount = stored.DocumentCount;
    }

    public long DocumentCount { get; private set; }

    public long DocumentCountDelta { get; private set; }

    /// <summary>Per term id, the change in the number of documents holding it (terms that did not change left out).</summary>
    public IReadOnlyDictionary<int, long> Deltas()
    {
        var result = new Dictionary<int, long>();
        for (var t = 0; t < _delta.Length; t++)
        {
            if (_delta[t] != 0)
                result[t] = _delta[t];
        }
        return result;
    }

    /// <summary>Counts a document's terms in (+1) or out (−1); <paramref name="document"/> also counts the document itself.</summary>
    public void Add(TermBag bag, int sign, bool document)
    {
        var (ids, _) = bag.ToArrays();
        foreach (var t in ids)
        {
            _df[t] += sign;
            _delta[t] += sign;
        }
        if (document)
        {
            DocumentCount += sign;
            DocumentCountDelta += sign;
        }
    }

    /// <summary>The weights fitted on the statistics as the batch leaves them (a new epoch).</summary>
    public IdfWeights Weights(VectorizeOptions options) => IdfWeights.Fit(_df, DocumentCount, options);

    /// <summary>
    /// True when the batch fits a new IDF epoch: the state holds none, or the documents added since its fit (this
    /// batch's included) exceed <paramref name="refreshFraction"/> of the documents it was fitted on.
    /// </summary>
    public bool RefitsEpoch(IdfEpoch? epoch, double refreshFraction) =>
        epoch is null || DocumentCount - epoch.DocumentCount > refreshFraction * epoch.DocumentCount;

    /// <summary>
    /// The weights of a kept epoch for every term the batch knows: a term the epoch has not seen (added after the fit,
    /// or held by no document then) counts as held by one document of the epoch.
    /// </summary>
    public IdfWeights EpochWeights(IdfEpoch epoch, VectorizeOptions options)
    {
        var df = new long[_df.Length];
        for (var t = 0; t < df.Length; t++)
            df[t] = t < epoch.DocumentFrequency.Count && epoch.DocumentFrequency[t] > 0 ? epoch.DocumentFrequency[t] : 1;
        return IdfWeights.Fit(df, epoch.DocumentCount, options);
    }
}
