namespace ClassifyPipeline.Vectors;

/// <summary>
/// How many documents the corpus holds and in how many each term occurs: what IDF is computed from.
/// Immutable; <see cref="Add"/> returns grown statistics, so a corpus can grow batch by batch.
/// </summary>
public sealed class CorpusStatistics
{
    public static readonly CorpusStatistics Empty = new(0, new Dictionary<string, long>(StringComparer.Ordinal));

    private readonly Dictionary<string, long> _documentFrequency;

    public CorpusStatistics(long documentCount, IReadOnlyDictionary<string, long> documentFrequency)
    {
        DocumentCount = documentCount;
        _documentFrequency = new Dictionary<string, long>(documentFrequency, StringComparer.Ordinal);
    }

    private CorpusStatistics(long documentCount, Dictionary<string, long> owned, bool _)
    {
        DocumentCount = documentCount;
        _documentFrequency = owned;
    }

    /// <summary>
    /// Statistics that take <paramref name="documentFrequency"/> as their own instead of copying it: for a caller that
    /// built the dictionary for this and does not touch it again (a batch's whole vocabulary is worth not copying).
    /// </summary>
    internal static CorpusStatistics Adopt(long documentCount, Dictionary<string, long> documentFrequency) =>
        new(documentCount, documentFrequency, true);

    public long DocumentCount { get; }

    public IReadOnlyDictionary<string, long> DocumentFrequency => _documentFrequency;

    /// <summary>The statistics with these documents (each a list of its terms) added.</summary>
    public CorpusStatistics Add(IEnumerable<IReadOnlyList<string>> documents)
    {
        var df = new Dictionary<string, long>(_documentFrequency, StringComparer.Ordinal);
        var count = DocumentCount;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var terms in documents)
        {
            count++;
            seen.Clear();
            foreach (var term in terms)
            {
                if (seen.Add(term))
                    df[term] = df.GetValueOrDefault(term) + 1;
            }
        }
        return Adopt(count, df);
    }
}
