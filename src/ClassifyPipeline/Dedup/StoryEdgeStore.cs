namespace ClassifyPipeline.Dedup;

/// <summary>
/// Every story edge of a batch in flat arrays: the two ends as indices into the batch's ids, the cosine, the tier and
/// the shared terms as indices into a table of the terms used (a fixed number of slots per edge). About 40 bytes an
/// edge, where a <see cref="SimilarityEdge"/> object with its own term array takes about 120: a dense window's
/// millions of edges are held from the stories to the run folder. <see cref="StoryEdges"/> makes the objects when read.
/// </summary>
internal sealed class StoryEdgeStore
{
    private readonly IReadOnlyList<string> _ids;
    private readonly int[] _from;
    private readonly int[] _to;
    private readonly double[] _cosine;
    private readonly bool[] _duplicate;
    private readonly int _slots;
    private readonly int[] _terms;
    private readonly byte[] _termCount;
    private readonly List<string> _termTable = [];
    private readonly Dictionary<int, int> _termIndex = [];
    private int _count;

    /// <param name="ids">The id of each node the edges name.</param>
    /// <param name="capacity">How many edges will be added.</param>
    /// <param name="termsPerEdge">The most shared terms an edge keeps.</param>
    public StoryEdgeStore(IReadOnlyList<string> ids, int capacity, int termsPerEdge)
    {
        if (termsPerEdge > byte.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(termsPerEdge), "at most 255 shared terms per edge");
        _ids = ids;
        _from = new int[capacity];
        _to = new int[capacity];
        _cosine = new double[capacity];
        _duplicate = new bool[capacity];
        _slots = termsPerEdge;
        _terms = new int[checked(capacity * termsPerEdge)];
        _termCount = new byte[capacity];
    }

    public int Count => _count;

    /// <summary>Adds an edge; <paramref name="sharedTerms"/> are term ids of <paramref name="terms"/>, at most the slots per edge.</summary>
    public void Add(int from, int to, double cosine, bool duplicate, IEnumerable<int> sharedTerms, IReadOnlyList<string> terms)
    {
        var e = _count++;
        _from[e] = from;
        _to[e] = to;
        _cosine[e] = cosine;
        _duplicate[e] = duplicate;
        var n = 0;
        foreach (var t in sharedTerms)
        {
            if (!_termIndex.TryGetValue(t, out var local))
            {
                _termIndex[t] = local = _termTable.Count;
                _termTable.Add(terms[t]);
            }
            _terms[e * _slots + n++] = local;
        }
        _termCount[e] = (byte)n;
    }

    /// <summary>Lets go of the lookup used while adding (the term table stays).</summary>
    public void Seal() => _termIndex.Clear();

    public SimilarityEdge Edge(int e)
    {
        var shared = new string[_termCount[e]];
        for (var k = 0; k < shared.Length; k++)
            shared[k] = _termTable[_terms[e * _slots + k]];
        return new SimilarityEdge(_ids[_from[e]], _ids[_to[e]], _cosine[e], _duplicate[e] ? EdgeTier.Duplicate : EdgeTier.Story, shared);
    }
}
