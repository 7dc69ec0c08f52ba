using ClassifyPipeline.Corpus;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// Every document whose story a batch can change, and every similarity edge among them: the batch's articles, the
/// stored documents the join linked them to, and, through stored edges, the rest of each similarity component they
/// belong to (a component is clustered whole, so nothing outside it can change). Edges of a changed article's
/// earlier version are dropped. Stored documents from before <c>frozenBefore</c> (two windows before the latest
/// article stored) are settled: the state may have let some of their edges go, so they are never clustered again;
/// they keep their stories, and a batch article of theirs (seen again unchanged) is reported as stored. Nodes are
/// in canonical order.
/// </summary>
internal sealed class StoryGraph
{
    private readonly Dictionary<string, int> _index;

    private StoryGraph(List<Node> nodes, Dictionary<string, int> index, List<(int I, int J, double Cosine)> edges, bool[] newEdge, List<(string, string)> removed)
    {
        Nodes = nodes;
        _index = index;
        Edges = edges;
        IsNewEdge = newEdge;
        RemovedEdges = removed;
    }

    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>The node index of a document of the graph.</summary>
    public int IndexOf(string id) => _index[id];

    /// <summary>Edges (i &lt; j by node index, so i is the earlier) with their cosine.</summary>
    public IReadOnlyList<(int I, int J, double Cosine)> Edges { get; }

    /// <summary>Per edge: found by this batch's join (else stored).</summary>
    public bool[] IsNewEdge { get; }

    /// <summary>Stored edges of replaced articles, to delete.</summary>
    public IReadOnlyList<(string From, string To)> RemovedEdges { get; }

    public static StoryGraph Build(DocumentTable table, List<(int I, int J, double Cosine)> pairs, ICorpusSession session, DateTimeOffset? frozenBefore, CancellationToken cancellationToken)
    {
        bool Settled(DateTimeOffset windowTime, bool isNew) => !isNew && frozenBefore is { } f && windowTime < f;
        var nodeOf = new Dictionary<string, Node>(StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new List<string>();
        for (var p = 0; p < table.Count; p++)
        {
            var row = table[p];
            if (row.BatchIndex < 0)
                continue;
            var frozen = row.Stored is not null && Settled(row.WindowTime, row.IsNew);
            nodeOf[row.Id] = new Node(row.Id, row.Key, row.Bag, row.BatchIndex, row.IsNew, row.Stored, frozen);
            if (row.Stored is not null && !frozen)
                frontier.Add(row.Id); // its stored edges: kept when unchanged, dropped when changed
            if (row.Stored is not null && row.IsNew)
                changed.Add(row.Id);
        }
        // a pair costs array reads, not string hashes: each table position is looked at once
        var visited = new bool[table.Count];
        foreach (var (i, j, _) in pairs)
        {
            foreach (var p in (ReadOnlySpan<int>)[i, j])
            {
                if (visited[p])
                    continue;
                visited[p] = true;
                var row = table[p];
                if (!nodeOf.ContainsKey(row.Id) && !Settled(row.WindowTime, false))
                {
                    nodeOf[row.Id] = new Node(row.Id, row.Key, row.Bag, -1, false, row.Stored, false);
                    frontier.Add(row.Id);
                }
            }
        }

        var stored = new Dictionary<(string, string), double>();
        var removed = new List<(string, string)>();
        var expanded = new HashSet<string>(StringComparer.Ordinal);
        while (frontier.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            expanded.UnionWith(frontier);
            var missing = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in session.LoadEdges(frontier))
            {
                if (changed.Contains(e.From) || changed.Contains(e.To))
                {
                    removed.Add((e.From, e.To));
                    foreach (var end in (ReadOnlySpan<string>)[e.From, e.To])
                    {
                        if (!changed.Contains(end) && !nodeOf.ContainsKey(end))
                            missing.Add(end);
                    }
                    continue;
                }
                stored[(e.From, e.To)] = e.Cosine;
                foreach (var end in (ReadOnlySpan<string>)[e.From, e.To])
                {
                    if (!nodeOf.ContainsKey(end))
                        missing.Add(end);
                }
            }
            frontier = [];
            if (missing.Count == 0)
                break;
            foreach (var d in session.LoadDocuments(missing))
            {
                if (Settled(d.WindowTime, false))
                    continue;
                nodeOf[d.Id] = new Node(d.Id, new CanonicalKey(d.Published?.Instant, d.Id), d.Bag, -1, false, d, false);
                frontier.Add(d.Id);
            }
            frontier.RemoveAll(expanded.Contains);
        }

        var nodes = nodeOf.Values.ToList();
        nodes.Sort((a, b) => a.Key.CompareTo(b.Key));
        var index = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
        for (var k = 0; k < nodes.Count; k++)
            index[nodes[k].Id] = k;

        // edges among nodes that are clustered: a settled node's edges stay out of it
        int Open(string id) => index.TryGetValue(id, out var k) && !nodes[k].Frozen ? k : -1;
        var openAt = new int[table.Count];
        for (var p = 0; p < table.Count; p++)
            openAt[p] = visited[p] ? Open(table[p].Id) : -1;
        var edges = new List<(int I, int J, double Cosine)>(pairs.Count + stored.Count);
        foreach (var (i, j, cosine) in pairs)
        {
            if (openAt[i] is var a and >= 0 && openAt[j] is var b and >= 0)
                edges.Add(Oriented(a, b, cosine));
        }
        var fresh = edges.Count;
        foreach (var ((from, to), cosine) in stored)
        {
            if (Open(from) is var a and >= 0 && Open(to) is var b and >= 0)
                edges.Add(Oriented(a, b, cosine));
        }
        var isNew = new bool[edges.Count];
        Array.Fill(isNew, true, 0, fresh);
        return new StoryGraph(nodes, index, edges, isNew, removed);
    }

    private static (int, int, double) Oriented(int a, int b, double cosine) => a < b ? (a, b, cosine) : (b, a, cosine);

    /// <summary>A document of the graph.</summary>
    /// <param name="Bag">Its terms, when known (a stored document out of the window may have let them go).</param>
    /// <param name="BatchIndex">Its place in the batch, or -1 for a stored document.</param>
    /// <param name="IsNew">A batch article whose terms are new to the state (new, or changed).</param>
    /// <param name="Stored">What the state holds of it (null for a new article).</param>
    /// <param name="Frozen">A settled stored document: it keeps its story and duplicate status.</param>
    public sealed record Node(string Id, CanonicalKey Key, TermBag? Bag, int BatchIndex, bool IsNew, CorpusDocument? Stored, bool Frozen);
}
