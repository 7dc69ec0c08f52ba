using ClassifyPipeline.Articles;
using ClassifyPipeline.Corpus;
using ClassifyPipeline.IO;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// What a batch's <see cref="StoryGraph"/> comes to: clusters (average linkage, one component at a time),
/// re-publications (a later article whose best earlier match reaches the duplicate threshold copies that match's
/// earliest copy), stable story ids (<see cref="StoryMapping"/>), the batch's result and the state's changes.
/// </summary>
internal sealed class StoryOutcome
{
    private readonly StoryGraph _graph;
    private readonly string[] _storyOf;
    private readonly (string Id, double Cosine)?[] _duplicateOf;
    private readonly IReadOnlyList<string> _newStories;
    private readonly IReadOnlyDictionary<string, string> _aliases;

    private StoryOutcome(StoryGraph graph, string[] storyOf, (string, double)?[] duplicateOf, IReadOnlyList<string> newStories, IReadOnlyDictionary<string, string> aliases, DedupResult result)
    {
        _graph = graph;
        _storyOf = storyOf;
        _duplicateOf = duplicateOf;
        _newStories = newStories;
        _aliases = aliases;
        Result = result;
    }

    public DedupResult Result { get; }

    /// <param name="tier">Which of the graph's edges are re-publications (<see cref="DuplicateTier.Settle"/>d over them).</param>
    public static StoryOutcome Build(StoryGraph graph, DedupOptions options, IdfWeights idf, IReadOnlyList<string> terms, ICorpusSession session, DateTimeOffset now, DuplicateTier tier, CancellationToken cancellationToken, IProgress<RunProgress>? progress = null)
    {
        var nodes = graph.Nodes;
        var edges = graph.Edges;
        // the linkage weighs each pair by its ends' local scales (when on); duplicates and the shown edges keep the cosine
        var scaling = LocalScaling.Build(nodes.Count, edges, options, StoryStage.JoinThreshold(options));
        var labels = ComponentClustering.Cluster(nodes.Count, scaling is null ? edges : scaling.Apply(edges), options.StoryThreshold,
            options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : -1, cancellationToken,
            progress is null ? null : new SynchronousProgress<(int Done, int Total)>(p => progress.Report(new RunProgress("cluster", p.Done, p.Total))));
        var duplicateOf = Duplicates(nodes, edges, tier, idf);

        // clusters in canonical order of their leads, with the id a single run gives (derived from the lead)
        var members = new Dictionary<int, List<string>>();
        for (var k = 0; k < nodes.Count; k++)
        {
            if (nodes[k].Frozen)
                continue;
            if (!members.TryGetValue(labels[k], out var list))
                members[labels[k]] = list = [];
            list.Add(nodes[k].Id);
        }
        var clusters = members.OrderBy(p => p.Key)
            .Select(p => new Story("s" + ArticleIds.ShortHash(nodes[p.Key].Id), nodes[p.Key].Id, p.Value, []))
            .ToList();

        var storedStoryOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.Stored is { } d && !node.Frozen)
                storedStoryOf[node.Id] = d.StoryId;
        }
        var storedMembers = storedStoryOf.Count == 0
            ? []
            : session.LoadStoryMembers(storedStoryOf.Values.Distinct(StringComparer.Ordinal).ToList())
                .GroupBy(d => d.StoryId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var keyOf = new Dictionary<string, CanonicalKey>(StringComparer.Ordinal);
        foreach (var node in nodes)
            keyOf[node.Id] = node.Key;
        foreach (var d in storedMembers.Values.SelectMany(m => m))
            keyOf.TryAdd(d.Id, new CanonicalKey(d.Published?.Instant, d.Id));
        var order = Comparer<string>.Create((x, y) => keyOf[x].CompareTo(keyOf[y]));
        var inGraph = new HashSet<string>(nodes.Where(n => !n.Frozen).Select(n => n.Id), StringComparer.Ordinal);
        var mapping = StoryMapping.Build(clusters, storedStoryOf, storedMembers, inGraph.Contains, order, session.IsStoryIdTaken);

        var finalOfLead = new Dictionary<int, string>();
        foreach (var cluster in clusters)
            finalOfLead[labels[graph.IndexOf(cluster.LeadId)]] = mapping.FinalIds[cluster.Id];
        var storyOf = new string[nodes.Count];
        for (var k = 0; k < nodes.Count; k++)
            storyOf[k] = nodes[k].Frozen ? nodes[k].Stored!.StoryId : finalOfLead[labels[k]];

        var result = BatchResult.Build(graph, labels, storyOf, duplicateOf, storedMembers, inGraph, order, options, tier, idf, terms, progress) with { MergedStories = mapping.Aliases };
        return new StoryOutcome(graph, storyOf, duplicateOf, mapping.NewStories, mapping.Aliases, result);
    }

    /// <summary>What the batch writes to the state.</summary>
    public CorpusChanges Changes(CorpusStatisticsDelta statistics, IReadOnlyDictionary<int, string> newTerms, DocumentTable table, DateTimeOffset now, double windowDays, DateTimeOffset? latestStored)
    {
        var nodes = _graph.Nodes;
        var cutoff = SettledBefore(Max(latestStored, table.LatestBatchTime), windowDays);
        var upserts = new List<CorpusDocument>();
        var updates = new List<CorpusDocument>();
        var windowTime = new DateTimeOffset[nodes.Count];
        for (var k = 0; k < nodes.Count; k++)
        {
            var node = nodes[k];
            var (dupId, dupCos) = _duplicateOf[k] is { } dup ? (dup.Id, (double?)dup.Cosine) : (null, null);
            var published = node.BatchIndex >= 0 ? Header(table, node).Published : node.Stored?.Published;
            var firstSeen = node.Stored?.FirstSeen ?? now;
            var time = published?.Instant ?? firstSeen;
            windowTime[k] = time;
            if (node.IsNew)
            {
                var header = Header(table, node);
                var keep = cutoff is null || time >= cutoff;
                upserts.Add(new CorpusDocument(node.Id, header.Published, firstSeen, _storyOf[k], dupId, dupCos,
                    keep ? node.Bag : null, node.Bag!.Hash(), header.Title, header.Source));
            }
            else if (node.Stored is { } d && (d.StoryId != _storyOf[k] || d.DuplicateOf != dupId))
            {
                updates.Add(d with { StoryId = _storyOf[k], DuplicateOf = dupId, DuplicateSimilarity = dupCos, Bag = null });
            }
        }
        var edges = new List<int>();
        for (var e = 0; e < _graph.Edges.Count; e++)
        {
            if (!_graph.IsNewEdge[e])
                continue;
            var (i, j, _) = _graph.Edges[e];
            if (cutoff is { } c && windowTime[i] < c && windowTime[j] < c)
                continue;
            edges.Add(e);
        }
        return new CorpusChanges(newTerms, statistics.Deltas(), statistics.DocumentCountDelta, upserts, updates,
            _graph.RemovedEdges, NewEdges(edges.ToArray()), cutoff, _newStories, _aliases, now);
    }

    /// <summary>
    /// Documents further back than two windows from the latest article stored are settled: out of every later batch's
    /// reach (one window), with a window's margin for batches that arrive out of order.
    /// </summary>
    public static DateTimeOffset? SettledBefore(DateTimeOffset? latest, double windowDays) =>
        latest is { } l && l - DateTimeOffset.MinValue > TimeSpan.FromDays(2 * windowDays) ? l - TimeSpan.FromDays(2 * windowDays) : null;

    /// <summary>
    /// The graph's new edges the batch writes to the state, as a view (4 bytes an edge): a dense window's batch writes
    /// tens of millions of edges, which as <see cref="CorpusEdge"/> objects would hold gigabytes while the state writes them.
    /// </summary>
    private ListView<CorpusEdge> NewEdges(int[] edgeIndices) =>
        new(edgeIndices.Length, k =>
        {
            var (i, j, cosine) = _graph.Edges[edgeIndices[k]];
            return new CorpusEdge(_graph.Nodes[i].Id, _graph.Nodes[j].Id, cosine);
        });

    private static Text.ArticleHeader Header(DocumentTable table, StoryGraph.Node node) => table.Batch[node.BatchIndex].Header;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>
    /// For each node, its earliest copy and the cosine to it, when its best earlier duplicate match (by cosine, among
    /// the pairs <paramref name="tier"/> takes for duplicates) exists (a settled node keeps what it has).
    /// </summary>
    private static (string Id, double Cosine)?[] Duplicates(IReadOnlyList<StoryGraph.Node> nodes, IReadOnlyList<(int I, int J, double Cosine)> edges, DuplicateTier tier, IdfWeights idf)
    {
        var best = new (int Index, double Cosine)?[nodes.Count];
        foreach (var (i, j, cosine) in edges)
        {
            if (tier.IsDuplicate(i, j, cosine) && (best[j] is null || cosine > best[j]!.Value.Cosine || cosine == best[j]!.Value.Cosine && i < best[j]!.Value.Index))
                best[j] = (i, cosine);
        }
        var result = new (int Index, double Cosine)?[nodes.Count];
        for (var j = 0; j < nodes.Count; j++)
        {
            if (best[j] is not { } match)
                continue;
            // matches are earlier nodes, so the match's own earliest copy is already resolved
            var root = result[match.Index]?.Index ?? match.Index;
            var cosine = match.Cosine;
            if (root != match.Index && nodes[root].Bag is { } a && nodes[j].Bag is { } b)
                cosine = Math.Min(1.0, idf.Vector(a).Dot(idf.Vector(b)));
            result[j] = (root, cosine);
        }
        var duplicates = new (string Id, double Cosine)?[nodes.Count];
        for (var k = 0; k < nodes.Count; k++)
        {
            if (nodes[k].Frozen)
                duplicates[k] = nodes[k].Stored!.DuplicateOf is { } id ? (id, nodes[k].Stored!.DuplicateSimilarity ?? 0) : null;
            else if (result[k] is { } d)
                duplicates[k] = (nodes[d.Index].Id, d.Cosine);
        }
        return duplicates;
    }
}
