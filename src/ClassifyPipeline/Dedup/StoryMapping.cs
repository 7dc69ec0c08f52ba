using ClassifyPipeline.Corpus;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// Maps the stories found over a batch and the stored documents it reached onto the ids the state already knows, so ids are stable:
/// <list type="bullet">
/// <item>a cluster holding the lead article of stored stories keeps the oldest of them (oldest = the story
/// whose lead comes first in canonical order: published time, then id; ties by the smaller story id);</item>
/// <item>any other cluster holding members of stored stories keeps the oldest of those not yet kept
/// (clusters taken in canonical order of their own lead);</item>
/// <item>a cluster with no stored story left keeps Dedup's id (derived from its lead article), suffixed
/// <c>-2</c>, <c>-3</c>… in the rare case that id is already used;</item>
/// <item>a stored story no cluster kept is aliased to the story now holding its lead, unless it still has
/// members the batch did not reach (outside the window): then it lives on with those.</item>
/// </list>
/// </summary>
internal sealed class StoryMapping
{
    private StoryMapping(Dictionary<string, string> finalIds, Dictionary<string, string> aliases, List<string> newStories)
    {
        FinalIds = finalIds;
        Aliases = aliases;
        NewStories = newStories;
    }

    /// <summary>Dedup's story id → the id the story has in the state.</summary>
    public IReadOnlyDictionary<string, string> FinalIds { get; }

    /// <summary>Stored stories merged into another: alias → surviving id.</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; }

    public IReadOnlyList<string> NewStories { get; }

    /// <param name="clusters">Dedup's stories over the union of window and batch.</param>
    /// <param name="storedStoryOf">For union articles already in the state: their stored story.</param>
    /// <param name="storedMembers">For each of those stories: all its stored members.</param>
    /// <param name="inUnion">Whether an article took part in this run.</param>
    /// <param name="order">Canonical sort key of any article involved (published ticks or max, then id).</param>
    /// <param name="isTaken">Whether a story id is already used in the state.</param>
    public static StoryMapping Build(
        IReadOnlyList<Story> clusters,
        IReadOnlyDictionary<string, string> storedStoryOf,
        IReadOnlyDictionary<string, List<CorpusDocument>> storedMembers,
        Func<string, bool> inUnion,
        IComparer<string> order,
        Func<string, bool> isTaken)
    {
        var leadOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (storyId, members) in storedMembers)
            leadOf[storyId] = Min(members.Select(m => m.Id), order);
        var storyOrder = Comparer<string>.Create((x, y) =>
        {
            var c = order.Compare(leadOf[x], leadOf[y]);
            return c != 0 ? c : string.CompareOrdinal(x, y);
        });

        var ordered = clusters.OrderBy(c => Min(c.Members, order), order).ToList();
        var clusterOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cluster in ordered)
        {
            foreach (var m in cluster.Members)
                clusterOf[m] = cluster.Id;
        }

        // Pass 1: a cluster holding the lead of stored stories keeps the oldest of them. Ids derive from
        // leads, so this is also the id one run over all the input would give the cluster.
        var finalIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var storyId in storedMembers.Keys.Order(storyOrder))
        {
            // a lead outside the window is in no cluster
            if (clusterOf.TryGetValue(leadOf[storyId], out var cluster) && finalIds.TryAdd(cluster, storyId))
                used.Add(storyId);
        }

        // Pass 2: a cluster holding other members of stored stories keeps the oldest not yet kept;
        // pass 3: the rest are new stories with Dedup's id.
        var newStories = new List<string>();
        foreach (var cluster in ordered)
        {
            if (finalIds.ContainsKey(cluster.Id))
                continue;
            string? keep = null;
            foreach (var m in cluster.Members)
            {
                if (storedStoryOf.TryGetValue(m, out var s) && !used.Contains(s) && (keep is null || storyOrder.Compare(s, keep) < 0))
                    keep = s;
            }
            if (keep is null)
            {
                keep = cluster.Id;
                for (var k = 2; used.Contains(keep) || storedMembers.ContainsKey(keep) || isTaken(keep); k++)
                    keep = cluster.Id + "-" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
                newStories.Add(keep);
            }
            used.Add(keep);
            finalIds[cluster.Id] = keep;
        }

        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (storyId, members) in storedMembers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (used.Contains(storyId) || members.Any(m => !inUnion(m.Id)))
                continue;
            aliases[storyId] = finalIds[clusterOf[leadOf[storyId]]];
        }
        return new StoryMapping(finalIds, aliases, newStories);
    }

    private static string Min(IEnumerable<string> ids, IComparer<string> order)
    {
        string? min = null;
        foreach (var id in ids)
        {
            if (min is null || order.Compare(id, min) < 0)
                min = id;
        }
        return min ?? throw new ArgumentException("a story without members");
    }
}
