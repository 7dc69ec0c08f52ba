using ClassifyPipeline.Cluster.Grains;
using ClassifyPipeline.Cluster.Hosting;
using ClassifyPipeline.Cluster.Model;
using ClassifyPipeline.Corpus;
using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Cluster.Corpus;

/// <summary>
/// One batch on a cluster's corpus (<see cref="ClusterCorpusState"/>): it holds the catalog's lease (renewed while it
/// runs), reads the committed state from the grains that hold it, and commits in two phases: <see cref="Apply"/>
/// prepares every grain's share of the changes (durably, aside), <see cref="Commit"/> records the commit in the
/// catalog (the commit point) and then tells the grains to apply. Disposed uncommitted, it aborts: the prepared
/// changes are dropped wherever they are.
/// </summary>
internal sealed class ClusterCorpusSession : ICorpusSession
{
    private const int VocabularyChunk = 100_000;

    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Known> _known = new(StringComparer.Ordinal);
    private readonly Timer _renewal;
    private readonly ILogger _logger;
    private ChangePlan? _plan;
    private bool _threadsPrepared;
    private long _prepareMs;
    private bool _committed;
    private bool _disposed;

    private ClusterCorpusSession(IGrainFactory grains, string corpus, bool keeps, Guid batch, CatalogView view, ClusterStateOptions options, ILogger logger, ClusterWatch? watch, CancellationToken cancellationToken)
    {
        _logger = logger;
        Grains = grains;
        Corpus = corpus;
        KeepsChanges = keeps;
        Batch = batch;
        View = view;
        Options = options;
        Calls = new GrainCalls(corpus, options.MaxConcurrentCalls, cancellationToken, watch?.Lost ?? default, () => watch?.LastLoss);
        var every = options.Lease / 3;
        _renewal = new Timer(_ => _ = Renew(), null, every, every);
    }

    public IGrainFactory Grains { get; }

    public string Corpus { get; }

    public Guid Batch { get; }

    public CatalogView View { get; }

    public CorpusLayout Layout => View.Layout;

    public ClusterStateOptions Options { get; }

    public GrainCalls Calls { get; }

    public bool KeepsChanges { get; }

    private ICatalogGrain Catalog => Grains.GetGrain<ICatalogGrain>(Corpus);

    private IThreadIndexGrain ThreadIndex => Grains.GetGrain<IThreadIndexGrain>(GrainKeys.Threads(Corpus));

    public static ClusterCorpusSession Begin(IGrainFactory grains, string corpus, bool keeps, CorpusLayout layout, ClusterStateOptions options, ILogger logger, ClusterWatch? watch, CancellationToken cancellationToken)
    {
        var batch = Guid.NewGuid();
        var lost = watch?.Lost ?? default;
        var calls = new GrainCalls(corpus, options.MaxConcurrentCalls, cancellationToken, lost, () => watch?.LastLoss);
        var view = calls.Wait(() => grains.GetGrain<ICatalogGrain>(corpus).Begin(batch, layout, options.Lease), "starting the batch");
        return new ClusterCorpusSession(grains, corpus, keeps, batch, view, options, logger, watch, cancellationToken);
    }

    public ISliceGrain Slice(long slice, int part) => Grains.GetGrain<ISliceGrain>(GrainKeys.Slice(Corpus, slice, part));

    public string? GetSetting(string key) => _settings.GetValueOrDefault(key) ?? View.Settings.GetValueOrDefault(key);

    public void SetSetting(string key, string value) => _settings[key] = value;

    public CorpusVocabulary LoadVocabulary()
    {
        var starts = Enumerable.Range(0, (View.TermCount + VocabularyChunk - 1) / VocabularyChunk).Select(c => c * VocabularyChunk).ToList();
        var chunks = Calls.ForAll(starts, from => Catalog.Vocabulary(from, VocabularyChunk), "reading the vocabulary");
        var terms = new List<string>(View.TermCount);
        var df = new List<long>(View.TermCount);
        var epoch = new List<long>(View.EpochDocuments is null ? 0 : View.TermCount);
        foreach (var chunk in chunks)
        {
            terms.AddRange(chunk.Terms);
            df.AddRange(chunk.DocumentFrequency);
            if (View.EpochDocuments is not null)
                epoch.AddRange(chunk.EpochFrequency);
        }
        if (terms.Count != View.TermCount)
            throw new CorpusStateException($"the corpus '{Corpus}' changed its vocabulary during the batch ({View.TermCount} terms, then {terms.Count})");
        return new CorpusVocabulary(terms, df, View.DocumentCount, View.EpochDocuments is { } n ? new IdfEpoch(epoch, n) : null);
    }

    public IReadOnlyList<CorpusDocument> LoadDocuments(IReadOnlyCollection<string> ids) =>
        Get(Locate(ids), withBags: true).Select(d => d.ToDocument()).ToList();

    public IReadOnlyList<CorpusDocument> LoadWindow(DateTimeOffset from, DateTimeOffset to)
    {
        var grains = View.Slices.Where(s => s.MaxTicks >= from.UtcTicks && s.MinTicks <= to.UtcTicks)
            .SelectMany(s => Enumerable.Range(0, Layout.Parts).Select(p => Slice(s.Slice, p))).ToList();
        return Calls.ForAll(grains, g => g.Window(Batch, from.UtcTicks, to.UtcTicks), "reading the window")
            .SelectMany(d => d).Select(d => Remember(d).ToDocument()).ToList();
    }

    public IReadOnlyList<CorpusEdge> LoadEdges(IReadOnlyCollection<string> documentIds)
    {
        var groups = ByGrain(Locate(documentIds));
        var edges = Calls.ForAll(groups, g => Slice(g.Slice, g.Part).Edges(Batch, g.Ids), "reading edges");
        var result = new Dictionary<(string, string), CorpusEdge>();
        foreach (var e in edges.SelectMany(e => e))
            result.TryAdd((e.From, e.To), new CorpusEdge(e.From, e.To, e.Cosine));
        return [.. result.Values];
    }

    public IReadOnlyList<CorpusDocument> LoadStoryMembers(IReadOnlyCollection<string> storyIds)
    {
        var members = StoryViews(storyIds).SelectMany(v => v.Members).ToDictionary(m => m.Id, m => m.Slice, StringComparer.Ordinal);
        return Get(members, withBags: false).Select(d => d.ToDocument(withBag: false)).ToList();
    }

    /// <summary>One round trip to the story index per id (a corpus without documents has no stories: none then).</summary>
    public bool IsStoryIdTaken(string storyId) =>
        View.DocumentCount > 0 && Calls.Wait(() => Grains.GetGrain<IStoryIndexGrain>(GrainKeys.Bucket(Corpus, Layout.BucketOf(storyId))).IsTaken(Batch, storyId), "checking a story id");

    public void Apply(CorpusChanges changes, IProgress<long>? written = null)
    {
        if (_plan is not null)
            throw new InvalidOperationException("a session applies one set of changes");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        _plan = new ChangePlanner(this).Plan(changes, _settings);
        _plan.Prepare(this);
        _prepareMs = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>The thread index in one read (a corpus without documents has none).</summary>
    public StoredThreads LoadThreads()
    {
        if (View.DocumentCount == 0)
            return StoredThreads.Empty;
        var view = Calls.Wait(() => ThreadIndex.Load(Batch), "reading the threads");
        return new StoredThreads(view.Stories.Select(s => s.ToSummary()).ToList(), view.Aliases);
    }

    /// <summary>Prepares the thread index's share of the batch (held aside until the commit, like every other grain's).</summary>
    public void ApplyThreads(ThreadChanges changes)
    {
        if (_threadsPrepared)
            throw new InvalidOperationException("a session applies one set of thread changes");
        Calls.Wait(() => ThreadIndex.Prepare(Batch, ThreadIndexChanges.From(changes)), "preparing the batch's thread changes");
        _threadsPrepared = true;
    }

    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!KeepsChanges)
        {
            _committed = true;
            return;
        }
        var plan = _plan ?? new ChangePlanner(this).Plan(null, _settings);
        // the commit point: from here on the batch is in the state, whatever happens to the grains' own copies
        Calls.Wait(() => Catalog.Commit(Batch, plan.Catalog), "committing the batch");
        _committed = true;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            plan.ApplyEverywhere(this);
            if (_threadsPrepared)
                Calls.Wait(() => ThreadIndex.Apply(Batch), "applying the committed threads");
        }
        catch (CorpusStateException e)
        {
            // committed: a grain that missed the word applies its prepared changes when it is next used
            ClusterLog.ApplyDeferred(_logger, Batch, e.Message);
        }
        ClusterLog.Committed(_logger, plan.GrainCount, _prepareMs, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _renewal.Dispose();
        // not cancellable, and never throwing over the failure that may be unwinding through here; retried for a while,
        // since the catalog may have been on a silo that just died (it comes back on another once the death is known).
        // A batch the catalog does not hear end keeps the corpus until its lease runs out; its changes are dropped then.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                if (!_committed)
                {
                    Catalog.Abort(Batch).Wait(TimeSpan.FromSeconds(30));
                    if (_plan is not null)
                        ClusterLog.Aborted(_logger, Batch);
                }
                if (!KeepsChanges)
                    Catalog.Forget(Batch).Wait(TimeSpan.FromSeconds(30));
                return;
            }
            catch (AggregateException e) when (DateTime.UtcNow < until)
            {
                ClusterLog.EndRetried(_logger, Batch, e.InnerException?.Message ?? e.Message);
                Thread.Sleep(TimeSpan.FromSeconds(2));
            }
            catch (AggregateException e)
            {
                ClusterLog.EndFailed(_logger, Batch, Options.Lease.TotalSeconds, e.InnerException?.Message ?? e.Message);
                return;
            }
        }
    }

    /// <summary>Extends the lease; a failure shows later, when the commit finds the lease gone.</summary>
    private async Task Renew()
    {
        try
        {
            await Catalog.Renew(Batch, Options.Lease);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // the next renewal or the commit will tell
        }
    }

    /// <summary>The slices of these ids that are stored (from what this session has seen, else the directory).</summary>
    public Dictionary<string, long> Locate(IEnumerable<string> ids)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var id in ids)
        {
            if (_known.TryGetValue(id, out var known))
                result[id] = known.Slice;
            else
                unknown.Add(id);
        }
        var buckets = unknown.Distinct(StringComparer.Ordinal).GroupBy(Layout.BucketOf).Select(g => (Bucket: g.Key, Ids: g.ToArray())).ToList();
        foreach (var found in Calls.ForAll(buckets, b => Grains.GetGrain<IDirectoryGrain>(GrainKeys.Bucket(Corpus, b.Bucket)).Lookup(Batch, b.Ids), "looking up documents"))
        {
            foreach (var (id, slice) in found)
                result[id] = slice;
        }
        return result;
    }

    /// <summary>What the state holds of these ids (from what this session has seen, else read), for the change planner.</summary>
    public Dictionary<string, Known> Known(IEnumerable<string> ids)
    {
        var missing = ids.Where(id => !_known.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            Get(Locate(missing), withBags: false);
        var result = new Dictionary<string, Known>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (_known.TryGetValue(id, out var known))
                result[id] = known;
        }
        return result;
    }

    public IReadOnlyList<StoryView> StoryViews(IEnumerable<string> storyIds)
    {
        var buckets = storyIds.Distinct(StringComparer.Ordinal).GroupBy(Layout.BucketOf).Select(g => (Bucket: g.Key, Ids: g.ToArray())).ToList();
        return Calls.ForAll(buckets, b => Grains.GetGrain<IStoryIndexGrain>(GrainKeys.Bucket(Corpus, b.Bucket)).Stories(Batch, b.Ids), "reading stories")
            .SelectMany(v => v).ToList();
    }

    /// <summary>Notes where a document read from the state lives and what story it is in.</summary>
    public DocRecord Remember(DocRecord d)
    {
        _known[d.Id] = new Known(Layout.SliceOf(d.WindowTicks), d.StoryId, d.WindowTicks);
        return d;
    }

    private List<DocRecord> Get(Dictionary<string, long> located, bool withBags)
    {
        var groups = ByGrain(located);
        return Calls.ForAll(groups, g => Slice(g.Slice, g.Part).Get(Batch, g.Ids, withBags), "reading documents")
            .SelectMany(d => d).Select(Remember).ToList();
    }

    private List<(long Slice, int Part, string[] Ids)> ByGrain(Dictionary<string, long> located) =>
        located.GroupBy(p => (p.Value, Layout.PartOf(p.Key))).Select(g => (g.Key.Value, g.Key.Item2, g.Select(p => p.Key).ToArray())).ToList();
}

/// <summary>Where a stored document lives, its story, and its window time.</summary>
internal readonly record struct Known(long Slice, string StoryId, long WindowTicks);
