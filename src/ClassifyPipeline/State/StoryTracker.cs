using System.Text.Json;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;
using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.State;

/// <summary>
/// Vectorize + Dedup + Persist for one batch against a persistent state. In one transaction it: stores the
/// batch's term counts (an article already stored by id replaces its earlier version, so it is never counted
/// twice), grows the corpus statistics, rebuilds TF-IDF vectors with them for the batch and every stored article
/// in the time window, runs <see cref="Deduplicator"/> over that union, maps the stories onto stable ids
/// (<see cref="StoryMapping"/>) and commits. Recomputing the union from term counts is what makes any split
/// of the input into batches end with the stories a single run would give, as long as the batches lie within
/// one window of each other.
/// </summary>
public sealed class StoryTracker(IStateStore store, PipelineOptions options, ILogger logger, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// Runs the batch. The result has an assignment for every batch article (canonical order) and the stories
    /// holding batch articles, with all their stored members, so links to earlier articles resolve.
    /// </summary>
    public DedupResult Run(IReadOnlyList<CountedArticle> batch, CancellationToken cancellationToken = default)
    {
        var batchIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in batch)
        {
            if (!batchIds.Add(a.Id))
                throw new ArgumentException($"article id {a.Id} occurs twice in the batch", nameof(batch));
        }

        using var session = store.Begin(cancellationToken);
        CheckSettings(session);
        var now = _time.GetUtcNow();

        var existing = session.LoadArticles(batchIds).ToDictionary(a => a.Id, StringComparer.Ordinal);
        var storedCount = session.DocumentCount();

        // The window reaches back from the batch's earliest article; a re-run of a batch sees the same window.
        var reference = DateTimeOffset.MaxValue;
        foreach (var a in batch)
        {
            var t = a.Header.Published?.Instant ?? existing.GetValueOrDefault(a.Id)?.FirstSeen ?? now;
            if (t < reference)
                reference = t;
        }
        var since = batch.Count == 0 ? now : SafeSubtract(reference, TimeSpan.FromDays(options.Dedup.WindowDays));
        var window = session.LoadWindow(since).Where(a => !batchIds.Contains(a.Id)).ToList();

        var df = session.LoadDocumentFrequencies();
        var deltas = new Dictionary<string, long>(StringComparer.Ordinal);
        int added = 0, changed = 0;
        var upserts = new List<StoredArticle>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var article = batch[i];
            if (existing.TryGetValue(article.Id, out var old))
            {
                if (old.Terms!.SameAs(article.Terms))
                    continue;
                changed++;
                StateLog.Replaced(logger, article.Id);
                foreach (var term in old.Terms.Terms)
                    deltas[term] = deltas.GetValueOrDefault(term) - 1;
            }
            else
            {
                added++;
            }
            foreach (var term in article.Terms.Terms)
                deltas[term] = deltas.GetValueOrDefault(term) + 1;
        }
        StateLog.Loaded(logger, storedCount, window.Count, options.Dedup.WindowDays, added, changed, batch.Count - added - changed);
        foreach (var (term, delta) in deltas)
        {
            var value = df.GetValueOrDefault(term) + delta;
            if (value > 0)
                df[term] = value;
            else
                df.Remove(term);
        }
        var statistics = CorpusStatistics.Adopt(storedCount + added, df);
        var model = new TfIdfEstimator(options.Vectorize).Fit(statistics);

        var documents = new List<DedupDocument>(batch.Count + window.Count);
        for (var i = 0; i < batch.Count; i++)
            documents.Add(new DedupDocument(batch[i].Id, batch[i].Header.Published?.Instant, model.Transform(batch[i].Terms.Terms, batch[i].Terms.Counts)));
        foreach (var a in window)
            documents.Add(new DedupDocument(a.Id, a.Published, model.Transform(a.Terms!.Terms, a.Terms.Counts)));
        var dedup = new Deduplicator(options.Dedup).Run(documents, model, cancellationToken: cancellationToken);

        // Map Dedup's stories onto the ids the state knows.
        var inUnion = new HashSet<string>(documents.Select(d => d.Id), StringComparer.Ordinal);
        var storedStoryOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in existing.Values.Concat(window))
            storedStoryOf[a.Id] = a.StoryId;
        var storedMembers = session.LoadStoryMembers(storedStoryOf.Values.Distinct(StringComparer.Ordinal).ToList())
            .GroupBy(a => a.StoryId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var published = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var d in documents)
            published[d.Id] = d.Published;
        foreach (var m in storedMembers.Values.SelectMany(m => m))
            published.TryAdd(m.Id, m.Published);
        var order = Comparer<string>.Create((x, y) =>
        {
            var c = (published[x] ?? DateTimeOffset.MaxValue).CompareTo(published[y] ?? DateTimeOffset.MaxValue);
            return c != 0 ? c : string.CompareOrdinal(x, y);
        });
        var mapping = StoryMapping.Build(dedup.Stories, storedStoryOf, storedMembers, inUnion.Contains, order, session.IsStoryIdTaken);

        var finalStoryOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var story in dedup.Stories)
        {
            foreach (var m in story.Members)
                finalStoryOf[m] = mapping.FinalIds[story.Id];
        }
        for (var i = 0; i < batch.Count; i++)
        {
            var a = batch[i];
            var old = existing.GetValueOrDefault(a.Id);
            upserts.Add(new StoredArticle(a.Id, a.Header.Published?.Instant, old?.FirstSeen ?? now, finalStoryOf[a.Id], a.Terms, a.Header.Title));
        }
        var moves = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in window)
        {
            if (finalStoryOf[a.Id] != a.StoryId)
                moves[a.Id] = finalStoryOf[a.Id];
        }

        cancellationToken.ThrowIfCancellationRequested();
        session.Apply(new StateChanges(upserts, moves, deltas, mapping.NewStories, mapping.Aliases, now));
        session.Commit();
        foreach (var (alias, target) in mapping.Aliases)
            StateLog.Aliased(logger, alias, target);

        var titles = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var a in window.Concat(storedMembers.Values.SelectMany(m => m)))
            titles[a.Id] = a.Title;
        var result = BatchResult(dedup, batchIds, mapping, storedMembers, inUnion, order, titles);
        StateLog.Committed(logger, result.Stories.Count, mapping.NewStories.Count, moves.Count, mapping.Aliases.Count);
        return result;
    }

    /// <summary>The batch's view: its assignments, and the stories holding its articles with every stored member.</summary>
    private static DedupResult BatchResult(
        DedupResult dedup,
        HashSet<string> batchIds,
        StoryMapping mapping,
        Dictionary<string, List<StoredArticle>> storedMembers,
        HashSet<string> inUnion,
        IComparer<string> order,
        Dictionary<string, string?> storedTitles)
    {
        var assignments = dedup.Assignments
            .Where(a => batchIds.Contains(a.Id))
            .Select(a => a with { StoryId = mapping.FinalIds[a.StoryId] })
            .ToList();
        var stories = new List<Story>();
        foreach (var story in dedup.Stories)
        {
            if (!story.Members.Any(batchIds.Contains))
                continue;
            var id = mapping.FinalIds[story.Id];
            var members = story.Members.ToList();
            if (storedMembers.TryGetValue(id, out var stored))
                members.AddRange(stored.Where(m => !inUnion.Contains(m.Id)).Select(m => m.Id));
            members.Sort(order);
            stories.Add(story with { Id = id, LeadId = members[0], Members = members, LeadTitle = storedTitles.GetValueOrDefault(members[0]) });
        }
        return new DedupResult(assignments, stories);
    }

    /// <summary>Stored terms are only comparable when the text was cleaned and analyzed the same way.</summary>
    private void CheckSettings(IStateSession session)
    {
        var sections = new (string Key, object Value)[] { ("clean", options.Clean), ("analysis", options.Analysis) };
        foreach (var (key, value) in sections)
        {
            var current = JsonSerializer.Serialize(value, value.GetType());
            var stored = session.GetSetting(key);
            if (stored is null)
                session.SetSetting(key, current);
            else if (stored != current)
                throw new StateException($"the state was built with other '{key}' settings (stored: {stored}; now: {current}); its stored terms would not match. Use the settings it was built with, or a new --state folder");
        }
    }

    private static DateTimeOffset SafeSubtract(DateTimeOffset time, TimeSpan span) =>
        time - DateTimeOffset.MinValue < span ? DateTimeOffset.MinValue : time - span;
}
