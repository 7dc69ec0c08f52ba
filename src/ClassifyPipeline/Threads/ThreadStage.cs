using System.Diagnostics;
using ClassifyPipeline.Corpus;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.IO;
using ClassifyPipeline.Vectors;
using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Threads;

/// <summary>
/// The thread step, after the stories of a batch (<see cref="StoryStage"/>), in the same session: summarizes every
/// story the batch touched (<see cref="StoryProfiles"/>), links all live stories of the state into threads
/// (<see cref="ThreadLinker"/>: average linkage over story profiles, no time window), keeps thread ids across
/// batches (a cluster keeps the stored thread of its earliest story; threads it absorbs become aliases) and writes the
/// summaries and aliases back (<see cref="ThreadChanges"/>). Every batch re-links every stored story: its cost follows
/// the number of stories in the state, not the number of articles.
/// </summary>
public sealed class ThreadStage(ThreadOptions options, VectorizeOptions vectorize, ILogger logger)
{
    /// <summary>
    /// The stored corpus's document frequencies by term, read before the story stage writes the batch (so every state
    /// gives the same weights): empty for a state that keeps nothing.
    /// </summary>
    public static (IReadOnlyDictionary<string, long> Df, long Documents) StoredFrequencies(ICorpusSession session)
    {
        if (!session.KeepsChanges)
            return (new Dictionary<string, long>(), 0);
        var vocabulary = session.LoadVocabulary();
        var df = new Dictionary<string, long>(vocabulary.Terms.Count, StringComparer.Ordinal);
        for (var t = 0; t < vocabulary.Terms.Count; t++)
        {
            if (vocabulary.DocumentFrequency[t] > 0)
                df[vocabulary.Terms[t]] = vocabulary.DocumentFrequency[t];
        }
        return (df, vocabulary.DocumentCount);
    }

    public ThreadResult Run(
        IReadOnlyList<BatchDocument> batch,
        IReadOnlyList<string?> localTerms,
        (IReadOnlyDictionary<string, long> Df, long Documents) storedDf,
        DedupResult dedup,
        ICorpusSession session,
        CancellationToken cancellationToken = default,
        IProgress<RunProgress>? progress = null)
    {
        // three steps of unequal length (profiles, linking, naming and writing): enough to see where a long step is
        const int Steps = 3;
        progress?.Report(new RunProgress("threads", 0, Steps));
        var started = Stopwatch.GetTimestamp();
        var stored = session.KeepsChanges ? session.LoadThreads() : StoredThreads.Empty;
        string Resolve(string id)
        {
            for (var hops = 0; stored.Aliases.TryGetValue(id, out var next) && hops < 1000; hops++)
                id = next;
            return id;
        }
        var storedById = stored.Stories.ToDictionary(s => s.StoryId, s => s with { ThreadId = Resolve(s.ThreadId) }, StringComparer.Ordinal);
        var built = StoryProfiles.Build(batch, localTerms, storedDf, dedup, storedById, options, vectorize);
        cancellationToken.ThrowIfCancellationRequested();
        var profiled = Stopwatch.GetTimestamp();
        progress?.Report(new RunProgress("threads", 1, Steps));

        var merged = dedup.MergedStories ?? new Dictionary<string, string>();
        var live = new Dictionary<string, StorySummary>(storedById, StringComparer.Ordinal);
        var removed = new List<(StorySummary Story, string Into)>();
        foreach (var (alias, into) in merged)
        {
            if (live.Remove(alias, out var gone))
                removed.Add((gone, into));
        }
        foreach (var s in built)
            live[s.StoryId] = s with { ThreadId = storedById.GetValueOrDefault(s.StoryId)?.ThreadId ?? "" };
        var all = live.Values.Order(StoryThread.Order).ToList();

        var linking = Stopwatch.GetTimestamp();
        var labels = ThreadLinker.Cluster(all, options, cancellationToken, out var pairs, out var joinTicks);
        ThreadLog.Split(logger, (long)Stopwatch.GetElapsedTime(started, profiled).TotalMilliseconds,
            (long)TimeSpan.FromSeconds(joinTicks / (double)Stopwatch.Frequency).TotalMilliseconds, pairs,
            (long)Stopwatch.GetElapsedTime(linking + joinTicks).TotalMilliseconds);
        progress?.Report(new RunProgress("threads", 2, Steps));
        var storedThreads = storedById.Values.Select(s => s.ThreadId).ToHashSet(StringComparer.Ordinal);
        var (threadOf, aliases) = ThreadLinker.Name(all, labels,
            removed.OrderBy(r => r.Story, StoryThread.Order).Select(r => (r.Story.ThreadId, r.Into)).ToList(),
            id => storedThreads.Contains(id) || stored.Aliases.ContainsKey(id));

        var builtIds = built.Select(s => s.StoryId).ToHashSet(StringComparer.Ordinal);
        var final = new List<StorySummary>(all.Count);
        var upserts = new List<StorySummary>();
        for (var i = 0; i < all.Count; i++)
        {
            var s = all[i] with { ThreadId = threadOf[i] };
            final.Add(s);
            if (builtIds.Contains(s.StoryId) || all[i].ThreadId != threadOf[i])
                upserts.Add(s);
        }
        if (session.KeepsChanges)
            session.ApplyThreads(new ThreadChanges(upserts, removed.Select(r => r.Story.StoryId).Order(StringComparer.Ordinal).ToList(), aliases));

        var byThread = final.GroupBy(s => s.ThreadId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var threadOfStory = final.Where(s => builtIds.Contains(s.StoryId)).ToDictionary(s => s.StoryId, s => s.ThreadId, StringComparer.Ordinal);
        var threads = threadOfStory.Values.Distinct(StringComparer.Ordinal)
            .Select(id => new StoryThread(id, byThread[id]))
            .OrderBy(t => t.Stories[0], StoryThread.Order)
            .ToList();
        ThreadLog.Linked(logger, all.Count, byThread.Count, byThread.Values.Count(v => v.Count > 1), upserts.Count, aliases.Count,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        foreach (var (alias, target) in aliases.OrderBy(p => p.Key, StringComparer.Ordinal))
            ThreadLog.Aliased(logger, alias, target);
        progress?.Report(new RunProgress("threads", Steps, Steps));
        return new ThreadResult(threadOfStory, threads);
    }
}
