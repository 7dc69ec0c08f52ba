namespace ClassifyPipeline.Corpus;

/// <summary>
/// A corpus state held in memory: what a run without <c>--state</c> starts from (empty), and a state that lives as long
/// as the process for tests and tools. A session sees the state as of its start and changes it only at commit.
/// </summary>
public sealed class InMemoryCorpusState : ICorpusState
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<string> _terms = [];
    private readonly List<long> _df = [];
    private readonly Dictionary<string, CorpusDocument> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, CorpusEdge>> _edges = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StorySummary> _summaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _threadAliases = new(StringComparer.Ordinal);
    private readonly bool _keeps;
    private long _documentCount;
    private IdfEpoch? _epoch;

    /// <param name="keepsChanges">False for a state used by one batch only, which then need not apply its changes.</param>
    public InMemoryCorpusState(bool keepsChanges = true) => _keeps = keepsChanges;

    public ICorpusSession Begin(CancellationToken cancellationToken = default)
    {
        _gate.Wait(cancellationToken);
        return new Session(this);
    }

    /// <summary>Every stored document (for inspection and tests).</summary>
    public IReadOnlyCollection<CorpusDocument> Documents => _documents.Values;

    /// <summary>Merged-away story id → surviving id.</summary>
    public IReadOnlyDictionary<string, string> Aliases => _aliases;

    public IReadOnlyCollection<string> Stories => _stories;

    /// <summary>Every stored story summary (threads), by story id.</summary>
    public IReadOnlyDictionary<string, StorySummary> Summaries => _summaries;

    /// <summary>Merged-away thread id → surviving id.</summary>
    public IReadOnlyDictionary<string, string> ThreadAliases => _threadAliases;

    public void Dispose() => _gate.Dispose();

    private void Apply(CorpusChanges changes, Dictionary<string, string> settings)
    {
        foreach (var (key, value) in settings)
            _settings[key] = value;
        foreach (var (id, term) in changes.NewTerms.OrderBy(p => p.Key))
        {
            if (id != _terms.Count)
                throw new InvalidOperationException($"term id {id} does not continue the vocabulary ({_terms.Count} terms)");
            _terms.Add(term);
            _df.Add(0);
        }
        foreach (var (id, delta) in changes.DocumentFrequencyDeltas)
            _df[id] += delta;
        _documentCount += changes.DocumentCountDelta;
        if (changes.RefitIdfEpoch)
            _epoch = new IdfEpoch(_df.ToArray(), _documentCount);
        foreach (var d in changes.Upserts)
            _documents[d.Id] = d;
        foreach (var d in changes.Updates)
            _documents[d.Id] = _documents[d.Id] with { StoryId = d.StoryId, DuplicateOf = d.DuplicateOf, DuplicateSimilarity = d.DuplicateSimilarity };
        foreach (var (from, to) in changes.RemovedEdges)
        {
            _edges.GetValueOrDefault(from)?.Remove(to);
            _edges.GetValueOrDefault(to)?.Remove(from);
        }
        foreach (var e in changes.Edges)
        {
            Adjacent(e.From)[e.To] = e;
            Adjacent(e.To)[e.From] = e;
        }
        if (changes.ReleaseBefore is { } cutoff)
        {
            foreach (var d in _documents.Values.Where(d => d.Bag is not null && d.WindowTime < cutoff).ToList())
                _documents[d.Id] = d with { Bag = null };
            foreach (var (id, adjacent) in _edges)
            {
                if (_documents.TryGetValue(id, out var a) && a.WindowTime < cutoff)
                {
                    foreach (var other in adjacent.Keys.Where(o => _documents.TryGetValue(o, out var b) && b.WindowTime < cutoff).ToList())
                        adjacent.Remove(other);
                }
            }
        }
        foreach (var s in changes.NewStories)
            _stories.Add(s);
        foreach (var (alias, target) in changes.Aliases)
        {
            foreach (var d in _documents.Values.Where(d => d.StoryId == alias).ToList())
                _documents[d.Id] = d with { StoryId = target };
            foreach (var (a, t) in _aliases.Where(p => p.Value == alias).ToList())
                _aliases[a] = target;
            _aliases[alias] = target;
            _stories.Remove(alias);
        }
    }

    private void Apply(ThreadChanges changes)
    {
        foreach (var id in changes.RemovedStories)
            _summaries.Remove(id);
        foreach (var summary in changes.Upserts)
            _summaries[summary.StoryId] = summary;
        foreach (var (alias, target) in changes.Aliases)
        {
            foreach (var (a, _) in _threadAliases.Where(p => p.Value == alias).ToList())
                _threadAliases[a] = target;
            _threadAliases[alias] = target;
        }
    }

    private Dictionary<string, CorpusEdge> Adjacent(string id)
    {
        if (!_edges.TryGetValue(id, out var map))
            _edges[id] = map = new Dictionary<string, CorpusEdge>(StringComparer.Ordinal);
        return map;
    }

    private sealed class Session(InMemoryCorpusState state) : ICorpusSession
    {
        private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);
        private CorpusChanges? _changes;
        private ThreadChanges? _threads;
        private bool _done;

        public bool KeepsChanges => state._keeps;

        public string? GetSetting(string key) => _settings.GetValueOrDefault(key) ?? state._settings.GetValueOrDefault(key);

        public void SetSetting(string key, string value) => _settings[key] = value;

        public CorpusVocabulary LoadVocabulary() => new(state._terms.ToArray(), state._df.ToArray(), state._documentCount, state._epoch);

        public IReadOnlyList<CorpusDocument> LoadDocuments(IReadOnlyCollection<string> ids) =>
            ids.Select(id => state._documents.GetValueOrDefault(id)).OfType<CorpusDocument>().ToList();

        public IReadOnlyList<CorpusDocument> LoadWindow(DateTimeOffset from, DateTimeOffset to) =>
            state._documents.Values.Where(d => d.Bag is not null && d.WindowTime >= from && d.WindowTime <= to).ToList();

        public IReadOnlyList<CorpusEdge> LoadEdges(IReadOnlyCollection<string> documentIds)
        {
            var result = new Dictionary<(string, string), CorpusEdge>();
            foreach (var id in documentIds)
            {
                foreach (var e in state._edges.GetValueOrDefault(id)?.Values ?? Enumerable.Empty<CorpusEdge>())
                    result.TryAdd((e.From, e.To), e);
            }
            return result.Values.ToList();
        }

        public IReadOnlyList<CorpusDocument> LoadStoryMembers(IReadOnlyCollection<string> storyIds)
        {
            var wanted = storyIds.ToHashSet(StringComparer.Ordinal);
            return state._documents.Values.Where(d => wanted.Contains(d.StoryId)).Select(d => d with { Bag = null }).ToList();
        }

        public bool IsStoryIdTaken(string storyId) => state._stories.Contains(storyId) || state._aliases.ContainsKey(storyId);

        public void Apply(CorpusChanges changes, IProgress<long>? written = null)
        {
            if (_changes is not null)
                throw new InvalidOperationException("a session applies one set of changes");
            _changes = changes;
        }

        public StoredThreads LoadThreads() =>
            new(state._summaries.Values.ToList(), new Dictionary<string, string>(state._threadAliases, StringComparer.Ordinal));

        public void ApplyThreads(ThreadChanges changes)
        {
            if (_threads is not null)
                throw new InvalidOperationException("a session applies one set of thread changes");
            _threads = changes;
        }

        public void Commit()
        {
            ObjectDisposedException.ThrowIf(_done, this);
            if (_changes is not null)
                state.Apply(_changes, _settings);
            else
                foreach (var (key, value) in _settings)
                    state._settings[key] = value;
            if (_threads is not null)
                state.Apply(_threads);
            _done = true;
            state._gate.Release();
        }

        public void Dispose()
        {
            if (_done)
                return;
            _done = true;
            state._gate.Release();
        }
    }
}
