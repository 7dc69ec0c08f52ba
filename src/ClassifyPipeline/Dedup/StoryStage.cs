using System.Text.Json;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Corpus;
using ClassifyPipeline.IO;
using ClassifyPipeline.Vectors;
using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// Vectorize + Dedup + stories for one batch, against a corpus state (<see cref="ICorpusSession"/>): the one path
/// of every run, with or without <c>--state</c> (an empty in-memory state then). In one session it:
/// <list type="number">
/// <item>renumbers the batch's terms into the state's (<see cref="VocabularyMerge"/>) and grows the term statistics
/// (an article already stored with the same terms is not counted again; one with other terms replaces it);</item>
/// <item>weighs terms with TF-IDF (<see cref="IdfWeights"/>) of the state's IDF epoch (<see cref="IdfEpoch"/>), or fits a new
/// epoch over the whole corpus so far, batch included, when the state holds none or has grown past
/// <see cref="DedupOptions.IdfRefreshFraction"/> since the last fit;</item>
/// <item>joins the batch against itself and the stored documents of its window (<see cref="WindowJoin"/>): only
/// pairs with a new document are computed, pairs of two stored documents were found by earlier batches;</item>
/// <item>gathers every similarity component a new document touches, with its stored edges (<see cref="StoryGraph"/>),
/// clusters each (<see cref="ComponentClustering"/>), finds re-publications, and maps the clusters onto stable story
/// ids (<see cref="StoryMapping"/>);</item>
/// <item>writes it all back (<see cref="CorpusChanges"/>), letting go of terms and edges that fell out of reach.</item>
/// </list>
/// A batch's cost follows the batch and its window, not the corpus.
/// </summary>
/// <param name="joiner">Runs step 3 where the window lives (<see cref="IWindowJoiner"/>); null: locally, with <see cref="WindowJoin"/>.</param>
public sealed class StoryStage(DedupOptions dedup, VectorizeOptions vectorize, ILogger logger, TimeProvider? time = null, IWindowJoiner? joiner = null)
{
    /// <summary>The state setting that holds the latest published time of any article stored.</summary>
    public const string LatestSetting = "latestPublished";

    /// <summary>The state setting that holds <see cref="DedupOptions.LinkThreshold"/> (the stored edges depend on it).</summary>
    public const string LinkSetting = "dedup.linkThreshold";

    /// <summary>The state setting that holds <see cref="DedupOptions.MaxNeighbors"/> (the stored edges depend on it).</summary>
    public const string NeighborSetting = "dedup.maxNeighbors";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// Runs the batch in the session (the caller commits). The result has an assignment for every batch article
    /// (canonical order) and the stories holding batch articles, with every stored member, so links to earlier
    /// articles resolve.
    /// </summary>
    /// <param name="batch">The batch; given as a writable list, its documents' sketches are let go (each document replaced by
    /// one without) once the duplicate tier is decided, before the clustering: nothing after the story stage reads them.</param>
    /// <param name="localTerms">The batch's terms by local id (<see cref="BatchTerms.Vocabulary"/>).</param>
    /// <param name="settings">Settings the stored terms depend on (clean and analysis), checked against the state's.</param>
    public DedupResult Run(
        IReadOnlyList<BatchDocument> batch,
        IReadOnlyList<string?> localTerms,
        ICorpusSession session,
        IReadOnlyDictionary<string, object> settings,
        IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        // stored edges reach down to the link threshold: edges of another one would mix two kinds of averages
        CheckSettings(session, new Dictionary<string, object>(settings)
        {
            [LinkSetting] = dedup.LinkThreshold?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "storyThreshold",
            [NeighborSetting] = dedup.MaxNeighbors.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var now = _time.GetUtcNow();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in batch)
        {
            if (!ids.Add(d.Id))
                throw new ArgumentException($"article id {d.Id} occurs twice in the batch", nameof(batch));
        }

        progress?.Report(new RunProgress("vectorize", 0, batch.Count));
        var stored = session.LoadVocabulary();
        var merge = VocabularyMerge.Build(stored.Terms, localTerms);
        var bags = new TermBag[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => bags[i] = batch[i].Bag.Remap(merge.LocalToGlobal));
        var existing = session.LoadDocuments(ids).ToDictionary(d => d.Id, StringComparer.Ordinal);

        var statistics = new CorpusStatisticsDelta(stored, merge.Terms.Count);
        var status = new BatchStatus[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            if (!existing.TryGetValue(batch[i].Id, out var old))
            {
                status[i] = BatchStatus.New;
                statistics.Add(bags[i], +1, document: true);
            }
            else if (old.BagHash == bags[i].Hash() && (old.Bag is null || old.Bag.SameAs(bags[i])))
            {
                status[i] = BatchStatus.Unchanged;
            }
            else
            {
                status[i] = BatchStatus.Changed;
                DedupLog.Replaced(logger, batch[i].Id);
                if (old.Bag is not null)
                    statistics.Add(old.Bag, -1, document: false);
                statistics.Add(bags[i], +1, document: false);
            }
        }
        var refit = statistics.RefitsEpoch(stored.Epoch, dedup.IdfRefreshFraction);
        var idf = refit ? statistics.Weights(vectorize) : statistics.EpochWeights(stored.Epoch!, vectorize);
        if (session.KeepsChanges)
            LogEpoch(stored.Epoch, statistics.DocumentCount, refit);
        progress?.Report(new RunProgress("vectorize", batch.Count, batch.Count));
        progress?.Report(new RunProgress("window", 0, null));

        var threshold = JoinThreshold(dedup);
        JoinedWindow? remote = null;
        var table = DocumentTable.Build(batch, bags, status, existing, session, dedup.WindowDays, now, joiner is null ? null : (rows, from, to) =>
        {
            var request = new WindowJoinRequest(session, rows.Select(r => new WindowJoinRow(r.Id, r.Published, r.WindowTime, r.IsNew, r.Bag!, r.Stored)).ToList(),
                from, to, idf, merge.Terms.Count, threshold, TimeSpan.FromDays(dedup.WindowDays), dedup.MaxDegreeOfParallelism, Joined(progress, batch.Count));
            remote = joiner.Join(request, cancellationToken);
            return remote.Stored;
        });
        DedupLog.Loaded(logger, stored.DocumentCount, table.Count - batch.Count, dedup.WindowDays,
            status.Count(s => s == BatchStatus.New), status.Count(s => s == BatchStatus.Changed), status.Count(s => s == BatchStatus.Unchanged));

        var pairs = remote is not null ? NeighborCap.Apply(table.Positions(remote.Pairs), dedup.MaxNeighbors) : WindowJoin.Find(table.JoinDocuments, p => idf.Vector(table.Bag(p)!), merge.Terms.Count,
            threshold, TimeSpan.FromDays(dedup.WindowDays), dedup.MaxDegreeOfParallelism > 0 ? dedup.MaxDegreeOfParallelism : -1,
            Joined(progress, table.Count), cancellationToken, dedup.MaxNeighbors);

        progress?.Report(new RunProgress("graph", 0, pairs.Count));
        var latestStored = session.GetSetting(LatestSetting) is { } text ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
        var graph = StoryGraph.Build(table, pairs, session, StoryOutcome.SettledBefore(latestStored, dedup.WindowDays), cancellationToken);
        progress?.Report(new RunProgress("graph", pairs.Count, pairs.Count));
        // the graph holds its own copy of the edges: let the join's list go before clustering (16 bytes a pair)
        pairs.Clear();
        pairs.TrimExcess();
        var tier = new DuplicateTier(dedup, k => graph.Nodes[k].BatchIndex >= 0 ? batch[graph.Nodes[k].BatchIndex].Sketch : null).Settle(graph.Edges);
        ReleaseSketches(batch);
        LargeGarbage.Collect();
        var outcome = StoryOutcome.Build(graph, dedup, idf, merge.Terms, session, now, tier, cancellationToken, progress);

        if (!session.KeepsChanges)
            return outcome.Result;
        var changes = outcome.Changes(statistics, merge.NewTerms(), table, now, dedup.WindowDays, latestStored) with { RefitIdfEpoch = refit };
        if (table.LatestBatchTime is { } latest && (latestStored is null || latest > latestStored))
            session.SetSetting(LatestSetting, latest.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        cancellationToken.ThrowIfCancellationRequested();
        var writes = (long)changes.Upserts.Count + changes.Updates.Count + changes.Edges.Count;
        progress?.Report(new RunProgress("state", 0, writes));
        session.Apply(changes, progress is null ? null : new SynchronousProgress<long>(n => progress.Report(new RunProgress("state", n, writes))));
        progress?.Report(new RunProgress("state", writes, writes));
        DedupLog.Stored(logger, outcome.Result.Stories.Count, changes.NewStories.Count, changes.Updates.Count, changes.Aliases.Count, changes.Edges.Count);
        foreach (var (alias, target) in changes.Aliases)
            DedupLog.Aliased(logger, alias, target);
        return outcome.Result;
    }

    /// <summary>Replaces each batch document holding a sketch with one without, once the duplicate tier is settled (a batch given read-only keeps them).</summary>
    private static void ReleaseSketches(IReadOnlyList<BatchDocument> batch)
    {
        if (batch is not IList<BatchDocument> { IsReadOnly: false } list)
            return;
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Sketch is not null)
                list[i] = list[i] with { Sketch = null };
        }
    }

    /// <summary>The lowest cosine any part of the stage needs: pairs below it are never found.</summary>
    public static double JoinThreshold(DedupOptions dedup) => Math.Min(dedup.LinkThreshold ?? dedup.StoryThreshold, Math.Min(dedup.StoryThreshold, dedup.DuplicateThreshold));

    private void LogEpoch(IdfEpoch? epoch, long documents, bool refit)
    {
        if (epoch is null)
            DedupLog.EpochFitted(logger, documents, "the state held no epoch");
        else if (refit)
            DedupLog.EpochFitted(logger, documents, $"{documents - epoch.DocumentCount} documents added since the last fit on {epoch.DocumentCount}, over dedup.idfRefreshFraction {dedup.IdfRefreshFraction.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        else
            DedupLog.EpochKept(logger, epoch.DocumentCount, documents - epoch.DocumentCount, dedup.IdfRefreshFraction * epoch.DocumentCount);
    }

    private static SynchronousProgress<int>? Joined(IProgress<RunProgress>? progress, int total) =>
        progress is null ? null : new SynchronousProgress<int>(n => progress.Report(new RunProgress("dedup", n, total)));

    /// <summary>Stored terms are only comparable when the text was cleaned and analyzed the same way.</summary>
    private static void CheckSettings(ICorpusSession session, IReadOnlyDictionary<string, object> settings)
    {
        foreach (var (key, value) in settings.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var current = JsonSerializer.Serialize(value, value.GetType());
            var stored = session.GetSetting(key);
            if (stored is null)
                session.SetSetting(key, current);
            else if (!StoredSettings.Match(stored, current))
                throw new CorpusStateException($"the state was built with other '{key}' settings (stored: {stored}; now: {current}); its stored terms would not match. Use the settings it was built with, or a new --state folder");
        }
    }
}

/// <summary>How a batch article relates to the corpus state.</summary>
public enum BatchStatus
{
    /// <summary>Not stored yet.</summary>
    New,

    /// <summary>Stored with the same terms: nothing to compute again.</summary>
    Unchanged,

    /// <summary>Stored with other terms: replaced.</summary>
    Changed,
}
