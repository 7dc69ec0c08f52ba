namespace ClassifyPipeline.Vectors;

/// <summary>
/// TF-IDF weighting over term ids, with <see cref="TfIdfModel"/>'s formula (scikit-learn's <c>TfidfVectorizer</c>
/// conventions): tf = count, or 1 + ln(count) when sublinear; idf = ln((1 + n) / (1 + df)) + 1 when smooth, else
/// ln(n / df) + 1; terms outside the document-frequency bounds weigh 0 and are left out; vectors have unit length.
/// </summary>
public sealed class IdfWeights
{
    private readonly float[] _idf;
    private readonly bool _sublinear;

    private IdfWeights(float[] idf, bool sublinear)
    {
        _idf = idf;
        _sublinear = sublinear;
    }

    public int Count => _idf.Length;

    /// <summary>The weight of every term by id (0: left out), to ship the weighting to where documents are: recomputing
    /// it elsewhere could round <c>log</c> differently.</summary>
    public ReadOnlySpan<float> Weights => _idf;

    public bool SublinearTf => _sublinear;

    public float this[int term] => _idf[term];

    /// <summary>The weights of terms whose document frequencies are <paramref name="df"/> (by id) among <paramref name="documents"/> documents.</summary>
    public static IdfWeights Fit(ReadOnlySpan<long> df, long documents, VectorizeOptions options)
    {
        var idf = new float[df.Length];
        var maxDf = options.MaxDocumentFrequency * documents;
        for (var t = 0; t < idf.Length; t++)
        {
            var d = (double)df[t];
            if (d < options.MinDocumentFrequency || d > maxDf || d <= 0)
                continue;
            idf[t] = (float)(options.SmoothIdf ? Math.Log((1.0 + documents) / (1.0 + d)) + 1 : Math.Log(documents / d) + 1);
        }
        return new IdfWeights(idf, options.SublinearTf);
    }

    /// <summary>A weighting shipped as its <see cref="Weights"/> (taken, not copied).</summary>
    public static IdfWeights FromWeights(float[] weights, bool sublinearTf) => new(weights, sublinearTf);

    /// <summary>The unit TF-IDF vector of a bag (term ids index this weighting).</summary>
    public SparseVector Vector(TermBag bag)
    {
        if (bag.Count == 0)
            return SparseVector.Empty;
        var (ids, counts) = bag.ToArrays();
        var kept = 0;
        var weights = new double[ids.Length];
        double norm = 0;
        for (var k = 0; k < ids.Length; k++)
        {
            var idf = ids[k] < _idf.Length ? _idf[ids[k]] : 0f;
            if (idf <= 0)
                continue;
            var w = (_sublinear ? 1 + Math.Log(counts[k]) : counts[k]) * idf;
            ids[kept] = ids[k];
            weights[kept++] = w;
            norm += w * w;
        }
        if (kept == 0)
            return SparseVector.Empty;
        var scale = 1 / Math.Sqrt(norm);
        var values = new float[kept];
        for (var k = 0; k < kept; k++)
            values[k] = (float)(weights[k] * scale);
        return new SparseVector(kept == ids.Length ? ids : ids[..kept], values);
    }

    /// <summary>Unnormalized tf·idf weight of a term occurring <paramref name="count"/> times (for ranking shared terms).</summary>
    public double Weight(int term, int count) => (_sublinear ? 1 + Math.Log(count) : count) * (term < _idf.Length ? _idf[term] : 0f);
}
