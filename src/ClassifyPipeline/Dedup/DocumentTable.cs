using ClassifyPipeline.Corpus;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// The documents one batch is joined over, in the join's order: the batch's articles and the stored documents
/// of their window (from one window before the batch's earliest article to one window after its latest), dated
/// ones by window time, then the batch's undated new articles (compared with every document).
/// </summary>
internal sealed class DocumentTable
{
    private readonly Row[] _rows;

    private DocumentTable(Row[] rows, IReadOnlyList<BatchDocument> batch)
    {
        _rows = rows;
        Batch = batch;
        JoinDocuments = rows.Select(r => new JoinDocument(r.WindowTime.UtcTicks, r.IsNew, r.IsNew && r.Published is null)).ToArray();
    }

    public int Count => _rows.Length;

    /// <summary>The batch's articles, in batch order (<see cref="Row.BatchIndex"/>).</summary>
    public IReadOnlyList<BatchDocument> Batch { get; }

    public IReadOnlyList<JoinDocument> JoinDocuments { get; }

    public Row this[int position] => _rows[position];

    public TermBag? Bag(int position) => _rows[position].Bag;

    /// <summary>The latest window time of the batch's dated articles, or null when none is dated.</summary>
    public DateTimeOffset? LatestBatchTime =>
        _rows.Where(r => r.BatchIndex >= 0 && r.Published is not null).Select(r => (DateTimeOffset?)r.WindowTime).Max();

    /// <param name="loadWindow">Where the stored documents of [from, to] come from, given the batch's rows (null: all of
    /// them from <paramref name="session"/>; an <see cref="IWindowJoiner"/> gives only those its join reached).</param>
    public static DocumentTable Build(IReadOnlyList<BatchDocument> batch, TermBag[] bags, BatchStatus[] status,
        IReadOnlyDictionary<string, CorpusDocument> existing, ICorpusSession session, double windowDays, DateTimeOffset now,
        Func<IReadOnlyList<Row>, DateTimeOffset, DateTimeOffset, IReadOnlyList<CorpusDocument>>? loadWindow = null)
    {
        var rows = new List<Row>(batch.Count);
        var from = DateTimeOffset.MaxValue;
        var to = DateTimeOffset.MinValue;
        for (var i = 0; i < batch.Count; i++)
        {
            var header = batch[i].Header;
            var stored = existing.GetValueOrDefault(header.Id);
            var published = header.Published?.Instant;
            var windowTime = published ?? stored?.FirstSeen ?? now;
            rows.Add(new Row(header.Id, published, windowTime, status[i] != BatchStatus.Unchanged, bags[i], i, stored));
            if (windowTime < from)
                from = windowTime;
            if (windowTime > to)
                to = windowTime;
        }
        if (batch.Count > 0)
        {
            var window = TimeSpan.FromDays(windowDays);
            var inBatch = new HashSet<string>(batch.Select(b => b.Id), StringComparer.Ordinal);
            var (lo, hi) = (Subtract(from, window), Add(to, window));
            foreach (var d in loadWindow is null ? session.LoadWindow(lo, hi) : loadWindow(rows, lo, hi))
            {
                if (!inBatch.Contains(d.Id))
                    rows.Add(new Row(d.Id, d.Published?.Instant, d.WindowTime, false, d.Bag, -1, d));
            }
        }
        var ordered = rows.ToArray();
        Array.Sort(ordered, (a, b) =>
        {
            var (ua, ub) = (a.IsNew && a.Published is null, b.IsNew && b.Published is null);
            if (ua != ub)
                return ua ? 1 : -1;
            var c = ua ? 0 : a.WindowTime.UtcTicks.CompareTo(b.WindowTime.UtcTicks);
            return c != 0 ? c : a.Key.CompareTo(b.Key);
        });
        return new DocumentTable(ordered, batch);
    }

    /// <summary>Pairs given by id as pairs of positions (i &lt; j), ordered by j then i as <see cref="WindowJoin.Find"/> orders them.</summary>
    public List<(int I, int J, double Cosine)> Positions(IReadOnlyList<WindowPair> pairs)
    {
        var position = new Dictionary<string, int>(_rows.Length, StringComparer.Ordinal);
        for (var p = 0; p < _rows.Length; p++)
            position[_rows[p].Id] = p;
        var result = new List<(int I, int J, double Cosine)>(pairs.Count);
        foreach (var (a, b, cosine) in pairs)
        {
            if (!position.TryGetValue(a, out var i) || !position.TryGetValue(b, out var j) || i == j)
                throw new InvalidOperationException($"the window join returned a pair ({a}, {b}) outside the batch's table");
            result.Add(i < j ? (i, j, cosine) : (j, i, cosine));
        }
        result.Sort((x, y) => x.J != y.J ? x.J.CompareTo(y.J) : x.I.CompareTo(y.I));
        for (var k = 1; k < result.Count; k++)
        {
            if (result[k].I == result[k - 1].I && result[k].J == result[k - 1].J)
                throw new InvalidOperationException($"the window join returned the pair ({_rows[result[k].I].Id}, {_rows[result[k].J].Id}) twice");
        }
        return result;
    }

    private static DateTimeOffset Subtract(DateTimeOffset t, TimeSpan span) => t - DateTimeOffset.MinValue < span ? DateTimeOffset.MinValue : t - span;

    private static DateTimeOffset Add(DateTimeOffset t, TimeSpan span) => DateTimeOffset.MaxValue - t < span ? DateTimeOffset.MaxValue : t + span;

    /// <summary>One document of the table.</summary>
    /// <param name="Published">Its published instant (null when undated).</param>
    /// <param name="IsNew">True for a batch article whose terms are new to the state (new or changed).</param>
    /// <param name="Bag">Its terms (corpus ids).</param>
    /// <param name="BatchIndex">Its place in the batch, or -1 for a stored document of the window.</param>
    /// <param name="Stored">What the state holds of it, if anything.</param>
    public sealed record Row(string Id, DateTimeOffset? Published, DateTimeOffset WindowTime, bool IsNew, TermBag? Bag, int BatchIndex, CorpusDocument? Stored)
    {
        public CanonicalKey Key => new(Published, Id);
    }
}
