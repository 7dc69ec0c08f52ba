using ClassifyPipeline.Articles;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Threads;

/// <summary>
/// Links stories into threads: average-linkage clusters (<see cref="ComponentClustering"/>) over the cosines of the
/// stories' profiles, with no time window, stories in time order (first published, then id), so the clusters depend
/// only on the set of profiles, not on the order they came in. Terms in the profiles of more than
/// <see cref="ThreadOptions.MaxStoryFrequency"/> of the stories are left out (from 100 stories on) and the profiles
/// renormalized; the pairs come from the stories' exact threshold join (<see cref="WindowJoin"/>, every story at one time).
/// </summary>
internal static class ThreadLinker
{
    /// <summary>For each story (in the order given, which must be time order), the index of the earliest story of its thread.</summary>
    public static int[] Cluster(IReadOnlyList<Corpus.StorySummary> stories, ThreadOptions options, CancellationToken cancellationToken) =>
        Cluster(stories, options, cancellationToken, out _, out _);

    /// <param name="pairs">How many story pairs reached the threshold.</param>
    /// <param name="joinTicks">Stopwatch ticks the join took (the rest is clustering).</param>
    public static int[] Cluster(IReadOnlyList<Corpus.StorySummary> stories, ThreadOptions options, CancellationToken cancellationToken, out int pairs, out long joinTicks)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var storyFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in stories)
        {
            foreach (var t in s.Profile)
                storyFrequency[t.Term] = storyFrequency.GetValueOrDefault(t.Term) + 1;
        }
        var limit = stories.Count >= 100 ? options.MaxStoryFrequency * stories.Count : double.MaxValue;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in storyFrequency.Where(p => p.Value <= limit).Select(p => p.Key).Order(StringComparer.Ordinal))
            index[term] = index.Count;

        var vectors = new SparseVector[stories.Count];
        for (var i = 0; i < stories.Count; i++)
        {
            var kept = stories[i].Profile.Where(t => index.ContainsKey(t.Term)).Select(t => (Index: index[t.Term], t.Weight)).OrderBy(t => t.Index).ToList();
            var norm = Math.Sqrt(kept.Sum(t => (double)t.Weight * t.Weight));
            vectors[i] = norm > 0
                ? new SparseVector(kept.Select(t => t.Index).ToArray(), kept.Select(t => (float)(t.Weight / norm)).ToArray())
                : SparseVector.Empty;
        }
        // the story join's exact threshold join, with every story at one time: all pairs within reach, none missed
        var documents = Enumerable.Repeat(new JoinDocument(0, IsNew: true, Undated: false), stories.Count).ToArray();
        var found = WindowJoin.Find(documents, i => vectors[i], index.Count, options.Threshold, TimeSpan.FromDays(1), cancellationToken: cancellationToken);
        pairs = found.Count;
        joinTicks = System.Diagnostics.Stopwatch.GetTimestamp() - started;
        return ComponentClustering.Cluster(stories.Count, found, options.Threshold, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Gives each cluster a thread id: the stored thread of its earliest story that has one not claimed by an earlier
    /// cluster, else a new id from its earliest story (<c>t</c> + hash). A stored thread no cluster keeps is merged
    /// (an alias) into the thread that holds its earliest story, or, when all its stories were merged away, the
    /// thread of the story its earliest one was merged into.
    /// </summary>
    /// <param name="stories">Every live story, time order, with its stored thread id (resolved; "" for a new story).</param>
    /// <param name="labels">From <see cref="Cluster"/>.</param>
    /// <param name="removed">Stories merged away by the batch: their stored thread and the story they went into, time order of the removed story.</param>
    /// <param name="taken">True for a thread id a stored thread or alias has.</param>
    public static (string[] ThreadOf, Dictionary<string, string> Aliases) Name(
        IReadOnlyList<Corpus.StorySummary> stories,
        int[] labels,
        IReadOnlyList<(string ThreadId, string Into)> removed,
        Func<string, bool> taken)
    {
        var clusterIds = new Dictionary<int, string>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var membersOf = new SortedDictionary<int, List<int>>();
        for (var i = 0; i < stories.Count; i++)
        {
            if (!membersOf.TryGetValue(labels[i], out var list))
                membersOf[labels[i]] = list = [];
            list.Add(i);
        }
        foreach (var (label, members) in membersOf)
        {
            var kept = members.Select(m => stories[m].ThreadId).FirstOrDefault(t => t.Length > 0 && !claimed.Contains(t));
            if (kept is null)
            {
                var seed = stories[label].StoryId;
                kept = "t" + ArticleIds.ShortHash(seed);
                for (var n = 2; taken(kept) || claimed.Contains(kept); n++)
                    kept = "t" + ArticleIds.ShortHash(seed + "#" + n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            claimed.Add(kept);
            clusterIds[label] = kept;
        }
        var threadOf = new string[stories.Count];
        for (var i = 0; i < stories.Count; i++)
            threadOf[i] = clusterIds[labels[i]];

        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        var storyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < stories.Count; i++)
            storyIndex[stories[i].StoryId] = i;
        for (var i = 0; i < stories.Count; i++)
        {
            var old = stories[i].ThreadId;
            if (old.Length > 0 && !claimed.Contains(old) && !aliases.ContainsKey(old))
                aliases[old] = threadOf[i];
        }
        foreach (var (old, into) in removed)
        {
            if (old.Length > 0 && !claimed.Contains(old) && !aliases.ContainsKey(old) && storyIndex.TryGetValue(into, out var at))
                aliases[old] = threadOf[at];
        }
        return (threadOf, aliases);
    }
}
