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

    public static DocumentTable Build(IReadOnlyList<BatchDocument> batch, TermBag[] bags, BatchStatus[] status,
        IReadOnlyDictionary<string, CorpusDocument> existing, ICorpusSession session, double windowDays, DateTimeOffset now)
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
            foreach (var d in session.LoadWindow(Subtract(from, window), Add(to, window)))
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
