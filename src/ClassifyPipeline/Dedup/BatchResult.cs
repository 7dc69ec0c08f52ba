using ClassifyPipeline.Corpus;
using ClassifyPipeline.IO;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// The batch's view of a <see cref="StoryGraph"/> resolved into stories: an assignment per batch article (canonical
/// order) and every story holding a batch article, with all its members (stored ones the batch did not reach too),
/// its edges (tier, cosine, and the terms that contributed most) and, for a lead stored earlier, its headline.
/// </summary>
internal static class BatchResult
{
    public static DedupResult Build(
        StoryGraph graph,
        int[] labels,
        string[] storyOf,
        (string Id, double Cosine)?[] duplicateOf,
        IReadOnlyDictionary<string, List<CorpusDocument>> storedMembers,
        HashSet<string> inGraph,
        IComparer<string> order,
        DedupOptions options,
        DuplicateTier tier,
        IdfWeights idf,
        IReadOnlyList<string> terms,
        IProgress<RunProgress>? progress = null)
    {
        var nodes = graph.Nodes;
        var best = new double?[nodes.Count];
        var edgesOf = new Dictionary<string, List<(int I, int J, double Cosine)>>(StringComparer.Ordinal);
        // weaker links count in the clustering's averages, but a story's shown edges are those at its threshold
        var shown = Math.Min(options.StoryThreshold, options.DuplicateThreshold);
        foreach (var (i, j, cosine) in graph.Edges)
        {
            if (labels[i] != labels[j] || cosine < shown)
                continue;
            best[i] = Math.Max(best[i] ?? 0, cosine);
            best[j] = Math.Max(best[j] ?? 0, cosine);
            if (!edgesOf.TryGetValue(storyOf[i], out var list))
                edgesOf[storyOf[i]] = list = [];
            list.Add((i, j, cosine));
        }

        var assignments = new List<DedupAssignment>();
        var membersOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var batchStories = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < nodes.Count; k++)
        {
            var story = storyOf[k];
            if (!membersOf.TryGetValue(story, out var list))
                membersOf[story] = list = [];
            list.Add(nodes[k].Id);
            if (nodes[k].BatchIndex < 0)
                continue;
            if (seen.Add(story))
                batchStories.Add(story);
            var dup = duplicateOf[k];
            assignments.Add(new DedupAssignment(nodes[k].Id, story, dup?.Id, dup?.Cosine, best[k]));
        }

        var titles = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.Stored is { } s)
                titles[node.Id] = s.Title;
        }
        foreach (var d in storedMembers.Values.SelectMany(m => m))
            titles.TryAdd(d.Id, d.Title);

        var ids = new string[nodes.Count];
        for (var k = 0; k < nodes.Count; k++)
            ids[k] = nodes[k].Id;
        var store = new StoryEdgeStore(ids, batchStories.Sum(id => edgesOf.GetValueOrDefault(id)?.Count ?? 0), options.SharedTermsPerEdge);
        var stories = new List<Story>();
        progress?.Report(new RunProgress("edges", 0, batchStories.Count));
        foreach (var id in batchStories)
        {
            if (progress is not null && stories.Count % 4096 == 4095)
                progress.Report(new RunProgress("edges", stories.Count + 1, batchStories.Count));
            var members = membersOf[id];
            if (storedMembers.TryGetValue(id, out var stored))
            {
                // a settled member the batch holds again is a node of the graph (kept in its story) and a stored member
                var listed = members.ToHashSet(StringComparer.Ordinal);
                members.AddRange(stored.Where(m => !inGraph.Contains(m.Id) && listed.Add(m.Id)).Select(m => m.Id));
            }
            members.Sort(order);
            var vectors = new Dictionary<int, SparseVector?>();
            SparseVector? VectorOf(int node) =>
                vectors.TryGetValue(node, out var v) ? v : vectors[node] = nodes[node].Bag is { } bag ? idf.Vector(bag) : null;
            var start = store.Count;
            if (edgesOf.Remove(id, out var storyEdges))
            {
                foreach (var e in storyEdges.OrderBy(e => e.J).ThenBy(e => e.I))
                    store.Add(e.I, e.J, e.Cosine, tier.IsDuplicate(e.I, e.J, e.Cosine), SharedTerms(VectorOf(e.I), VectorOf(e.J), options.SharedTermsPerEdge), terms);
            }
            var edges = new StoryEdges(store, start, store.Count - start);
            var leadIsBatch = inGraph.Contains(members[0]) && nodes[graph.IndexOf(members[0])].BatchIndex >= 0;
            stories.Add(new Story(id, members[0], members, edges, leadIsBatch ? null : titles.GetValueOrDefault(members[0])));
        }
        store.Seal();
        progress?.Report(new RunProgress("edges", stories.Count, batchStories.Count));
        return new DedupResult(assignments, stories);
    }

    /// <summary>The ids of the terms two documents share that contribute most to their cosine, ties by term id.</summary>
    private static IEnumerable<int> SharedTerms(SparseVector? a, SparseVector? b, int count) =>
        a is null || b is null || count == 0
            ? []
            : a.Shared(b).OrderByDescending(s => s.Contribution).ThenBy(s => s.Index).Take(count).Select(s => s.Index);
}
