namespace ClassifyPipeline.Vectors;

/// <summary>
/// A fitted TF-IDF weighting, following scikit-learn's <c>TfidfVectorizer(norm="l2")</c> conventions so that
/// results can be checked against it:
/// <list type="bullet">
/// <item>tf(t, d) = count of t in d, or 1 + ln(count) when <c>sublinearTf</c>;</item>
/// <item>idf(t) = ln((1 + n) / (1 + df(t))) + 1 when <c>smoothIdf</c>, else ln(n / df(t)) + 1,
/// with n the number of documents and df(t) the number holding t;</item>
/// <item>w(t, d) = tf(t, d) · idf(t), and the vector is divided by its L2 norm.</item>
/// </list>
/// Term indices are assigned in ordinal order of the terms, so the same statistics give the same model.
/// </summary>
public sealed class TfIdfModel
{
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TfIdfModel(IReadOnlyList<string> terms, IReadOnlyList<float> idf, bool sublinearTf)
    {
        if (terms.Count != idf.Count)
            throw new ArgumentException("terms and idf differ in length");
        Terms = terms;
        Idf = idf;
        SublinearTf = sublinearTf;
        _index = new Dictionary<string, int>(terms.Count, StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
            _index.Add(terms[i], i);
        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<string> Terms { get; }

    public IReadOnlyList<float> Idf { get; }

    public bool SublinearTf { get; }

    public int IndexOf(ReadOnlySpan<char> term) => _lookup.TryGetValue(term, out var i) ? i : -1;

    /// <summary>The unit-length TF-IDF vector of a document given as its terms; unknown terms are ignored.</summary>
    public SparseVector Transform(IReadOnlyList<string> terms) => Transform(Indices(terms));

    /// <summary>
    /// The unit-length TF-IDF vector of a document given as the model indices of its term occurrences (in any order,
    /// repeated per occurrence); negative indices (terms not in the model) are ignored. Sorts <paramref name="termIndices"/>.
    /// </summary>
    public SparseVector Transform(int[] termIndices)
    {
        var (indices, weights) = Weigh(termIndices);
        return Normalized(indices, weights);
    }

    /// <summary>
    /// The unit-length sum of two TF-IDF vectors before normalization: the document's, plus
    /// <paramref name="emphasis"/> times that of a part of it (its lead), so that the part's terms count more.
    /// Each part gets its own tf (sublinear if the model is); unknown terms are ignored.
    /// </summary>
    public SparseVector Transform(IReadOnlyList<string> terms, IReadOnlyList<string> emphasized, double emphasis)
    {
        var (ai, aw) = Weigh(Indices(terms));
        var (bi, bw) = Weigh(Indices(emphasized));
        var indices = new int[ai.Length + bi.Length];
        var weights = new double[indices.Length];
        int a = 0, b = 0, at = 0;
        while (a < ai.Length || b < bi.Length)
        {
            if (b == bi.Length || (a < ai.Length && ai[a] < bi[b]))
            {
                indices[at] = ai[a];
                weights[at++] = aw[a++];
            }
            else if (a == ai.Length || bi[b] < ai[a])
            {
                indices[at] = bi[b];
                weights[at++] = emphasis * bw[b++];
            }
            else
            {
                indices[at] = ai[a];
                weights[at++] = aw[a++] + emphasis * bw[b++];
            }
        }
        return Normalized(indices.AsSpan(0, at).ToArray(), weights.AsSpan(0, at).ToArray());
    }

    /// <summary>
    /// The unit-length TF-IDF vector of a document given as its distinct terms and how often each occurs; the same
    /// vector as <see cref="Transform(IReadOnlyList{string})"/> of the terms repeated that often. Unknown terms are ignored.
    /// </summary>
    public SparseVector Transform(IReadOnlyList<string> distinctTerms, IReadOnlyList<int> counts)
    {
        if (distinctTerms.Count != counts.Count)
            throw new ArgumentException("one count per term", nameof(counts));
        var indices = Indices(distinctTerms);
        var tf = counts.ToArray();
        Array.Sort(indices, tf);
        var known = Array.FindIndex(indices, i => i >= 0);
        if (known < 0)
            return SparseVector.Empty;
        var result = indices[known..];
        var weights = new double[result.Length];
        for (var k = 0; k < result.Length; k++)
            weights[k] = Weight(result[k], tf[known + k]);
        return Normalized(result, weights);
    }

    private int[] Indices(IReadOnlyList<string> terms)
    {
        var indices = new int[terms.Count];
        for (var k = 0; k < indices.Length; k++)
            indices[k] = _index.TryGetValue(terms[k], out var i) ? i : -1;
        return indices;
    }

    /// <summary>The distinct known terms of a document (sorted) and their TF-IDF weights, not normalized. Sorts <paramref name="termIndices"/>.</summary>
    private (int[] Indices, double[] Weights) Weigh(int[] termIndices)
    {
        Array.Sort(termIndices);
        var distinct = 0;
        for (var k = 0; k < termIndices.Length; k++)
        {
            if (termIndices[k] >= 0 && (k == 0 || termIndices[k] != termIndices[k - 1]))
                distinct++;
        }
        var indices = new int[distinct];
        var weights = new double[distinct];
        var at = 0;
        for (var k = 0; k < termIndices.Length;)
        {
            var term = termIndices[k];
            var end = k + 1;
            while (end < termIndices.Length && termIndices[end] == term)
                end++;
            if (term >= 0)
            {
                indices[at] = term;
                weights[at++] = Weight(term, end - k);
            }
            k = end;
        }
        return (indices, weights);
    }

    /// <summary>tf · idf of a term occurring <paramref name="count"/> times, tf sublinear if the model is.</summary>
    private double Weight(int term, int count) => (SublinearTf ? 1 + Math.Log(count) : count) * Idf[term];

    private static SparseVector Normalized(int[] indices, double[] weights)
    {
        if (indices.Length == 0)
            return SparseVector.Empty;
        double norm = 0;
        foreach (var w in weights)
            norm += w * w;
        var scale = 1 / Math.Sqrt(norm);
        var values = new float[weights.Length];
        for (var k = 0; k < values.Length; k++)
            values[k] = (float)(weights[k] * scale);
        return new SparseVector(indices, values);
    }

    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(FormatTag);
        writer.Write(SublinearTf);
        writer.Write(Terms.Count);
        for (var i = 0; i < Terms.Count; i++)
        {
            writer.Write(Terms[i]);
            writer.Write(Idf[i]);
        }
    }

    /// <summary>Loads a model saved by <see cref="Save"/>; anything else (empty, foreign, cut short) is an <see cref="InvalidDataException"/> saying why.</summary>
    public static TfIdfModel Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        string tag;
        try
        {
            tag = reader.ReadString();
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            tag = "";
        }
        if (tag != FormatTag)
            throw new InvalidDataException("not a ClassifyPipeline TF-IDF model (or an incompatible version)");
        try
        {
            var sublinear = reader.ReadBoolean();
            var count = reader.ReadInt32();
            if (count < 0 || (stream.CanSeek && count > stream.Length))
                throw new InvalidDataException($"TF-IDF model is corrupt (term count {count})");
            var terms = new string[count];
            var idf = new float[count];
            for (var i = 0; i < count; i++)
            {
                terms[i] = reader.ReadString();
                idf[i] = reader.ReadSingle();
            }
            return new TfIdfModel(terms, idf, sublinear);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("TF-IDF model is truncated");
        }
        catch (FormatException e)
        {
            throw new InvalidDataException("TF-IDF model is corrupt: " + e.Message, e);
        }
    }

    private const string FormatTag = "ClassifyPipeline.TfIdf/1";
}
