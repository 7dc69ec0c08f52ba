using ClassifyPipeline.Cluster.Model;
using ClassifyPipeline.Corpus;

namespace ClassifyPipeline.Cluster.Corpus;

/// <summary>
/// Splits a batch's <see cref="CorpusChanges"/> by grain, with the meaning <see cref="InMemoryCorpusState"/> gives
/// them: documents are upserted into the slice of their window time (a replaced document that moved slice is deleted
/// from its old one), stored documents change story, merged-away stories' remaining members follow into the
/// surviving story (as do the aliases that pointed at them), edges are kept at both ends, bags and old edges are let
/// go before the cutoff; the id directory learns where each document now lives and the story index who is in which story.
/// </summary>
internal sealed class ChangePlanner(ClusterCorpusSession session)
{
    private readonly Dictionary<(long, int), SliceDraft> _slices = [];
    private readonly Dictionary<int, Dictionary<string, long>> _directory = [];
    private readonly Dictionary<int, StoryDraft> _stories = [];

    private CorpusLayout Layout => session.Layout;

    /// <param name="changes">Null for a batch that changes nothing but settings.</param>
    public ChangePlan Plan(CorpusChanges? changes, IReadOnlyDictionary<string, string> settings)
    {
        var ranges = new Dictionary<long, SliceRange>();
        if (changes is not null)
            Split(changes, ranges);
        var catalog = new CatalogChanges(
            changes is null ? [] : new Dictionary<int, string>(changes.NewTerms),
            changes is null ? [] : new Dictionary<int, long>(changes.DocumentFrequencyDeltas),
            changes?.DocumentCountDelta ?? 0,
            new Dictionary<string, string>(settings, StringComparer.Ordinal),
            [.. ranges.Values.OrderBy(r => r.Slice)],
            changes?.ReleaseBefore?.UtcTicks,
            changes?.RefitIdfEpoch ?? false);
        return new ChangePlan(
            catalog,
            _slices.ToDictionary(p => p.Key, p => p.Value.Chunks(session.Options.ChunkSize)),
            _directory.ToDictionary(p => p.Key, p => new DirectoryChanges(p.Value)),
            _stories.ToDictionary(p => p.Key, p => p.Value.Build()));
    }

    private void Split(CorpusChanges c, Dictionary<long, SliceRange> ranges)
    {
        var upserts = c.Upserts.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var edgeEnds = c.Edges.SelectMany(e => new[] { e.From, e.To }).Concat(c.RemovedEdges.SelectMany(e => new[] { e.From, e.To }));
        var known = session.Known(upserts.Keys.Concat(c.Updates.Select(d => d.Id)).Concat(edgeEnds));

        // where each document is after the batch, and its window time
        var after = new Dictionary<string, (long Slice, long Ticks)>(StringComparer.Ordinal);
        foreach (var (id, k) in known)
            after[id] = (k.Slice, k.WindowTicks);
        foreach (var d in c.Upserts)
        {
            var ticks = d.WindowTime.UtcTicks;
            var slice = Layout.SliceOf(ticks);
            after[d.Id] = (slice, ticks);
            ranges[slice] = ranges.TryGetValue(slice, out var r) ? new SliceRange(slice, Math.Min(r.MinTicks, ticks), Math.Max(r.MaxTicks, ticks)) : new SliceRange(slice, ticks, ticks);
        }

        // every document whose story may change: its story after the batch's own changes, before aliases resolve
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var d in c.Upserts)
            entries[d.Id] = new Entry(Kind.Upsert, d.StoryId, known.TryGetValue(d.Id, out var old) ? old : null, d);
        foreach (var d in c.Updates)
            entries[d.Id] = new Entry(Kind.Update, d.StoryId, known.TryGetValue(d.Id, out var old) ? old : throw new CorpusStateException($"the batch changes the story of '{d.Id}', which the corpus '{session.Corpus}' does not hold"), d);
        var aliasViews = c.Aliases.Count == 0 ? [] : session.StoryViews(c.Aliases.Keys).ToDictionary(v => v.StoryId, StringComparer.Ordinal);
        foreach (var view in aliasViews.Values)
        {
            foreach (var m in view.Members)
            {
                if (!entries.ContainsKey(m.Id))
                    entries[m.Id] = new Entry(Kind.Follower, view.StoryId, new Known(m.Slice, view.StoryId, 0), null);
            }
        }

        foreach (var (id, e) in entries.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var story = Resolve(c.Aliases, e.Story);
            var part = Layout.PartOf(id);
            var slice = e.Kind == Kind.Upsert ? after[id].Slice : e.Old!.Value.Slice;
            var moved = e.Kind == Kind.Upsert && (e.Old is not { } o || o.Slice != slice);
            switch (e.Kind)
            {
                case Kind.Upsert:
                    Slice(slice, part).Upserts.Add(DocRecord.From(e.Document! with { StoryId = story }));
                    if (e.Old is { } was && was.Slice != slice)
                        Slice(was.Slice, part).Deletes.Add(id);
                    if (moved)
                        Directory(Layout.BucketOf(id))[id] = slice;
                    break;
                case Kind.Update:
                    Slice(slice, part).Stories.Add(new StoryChange(id, story, true, e.Document!.DuplicateOf, e.Document.DuplicateSimilarity));
                    break;
                default:
                    Slice(slice, part).Stories.Add(new StoryChange(id, story, false, null, null));
                    break;
            }
            if (e.Old?.StoryId is { } oldStory && oldStory != story)
                Stories(oldStory).RemoveMembers.Add(new MemberKey(oldStory, id));
            if (e.Old?.StoryId != story || moved)
                Stories(story).AddMembers.Add(new Member(story, id, slice));
        }

        foreach (var s in c.NewStories)
            Stories(s).NewStories.Add(s);
        foreach (var alias in c.Aliases.Keys)
        {
            var target = Resolve(c.Aliases, alias);
            Stories(alias).RemoveStories.Add(alias);
            Stories(alias).SetAliases[alias] = target;
            var incoming = aliasViews.TryGetValue(alias, out var view) ? view.AliasesIn : [];
            foreach (var x in incoming)
                Stories(x).SetAliases[x] = target;
            Stories(target).AddAliasesIn(target, [alias, .. incoming]);
        }

        foreach (var (from, to) in c.RemovedEdges)
        {
            foreach (var (a, b) in new[] { (from, to), (to, from) })
            {
                if (known.TryGetValue(a, out var k))
                    Slice(k.Slice, Layout.PartOf(a)).RemoveEdges.Add(new EdgeKey(a, b));
            }
        }
        foreach (var e in c.Edges)
        {
            var (f, t) = (At(after, e.From), At(after, e.To));
            Slice(f.Slice, Layout.PartOf(e.From)).AddEdges.Add(new EdgeAdd(e.From, e.To, e.Cosine, t.Ticks, true));
            Slice(t.Slice, Layout.PartOf(e.To)).AddEdges.Add(new EdgeAdd(e.To, e.From, e.Cosine, f.Ticks, false));
        }

        if (c.ReleaseBefore is { } cutoff)
        {
            // slices that may hold bags or edges from before the cutoff that an earlier release did not reach
            var released = session.View.ReleasedBeforeTicks;
            foreach (var range in session.View.Slices.Concat(ranges.Values).DistinctBy(r => r.Slice).ToList())
            {
                var all = session.View.Slices.Concat(ranges.Values).Where(r => r.Slice == range.Slice).ToList();
                if (all.Min(r => r.MinTicks) >= cutoff.UtcTicks || released is { } before && all.Max(r => r.MaxTicks) < before)
                    continue;
                for (var p = 0; p < Layout.Parts; p++)
                    Slice(range.Slice, p).ReleaseBefore = cutoff.UtcTicks;
            }
        }
    }

    private (long Slice, long Ticks) At(Dictionary<string, (long Slice, long Ticks)> after, string id) =>
        after.TryGetValue(id, out var at) ? at : throw new CorpusStateException($"the batch adds an edge to '{id}', which is neither in the batch nor in the corpus '{session.Corpus}'");

    /// <summary>The story a story id ends up as after the batch's merges (a merge into a story merged in turn follows on).</summary>
    private static string Resolve(IReadOnlyDictionary<string, string> aliases, string story)
    {
        for (var hops = 0; aliases.TryGetValue(story, out var target) && hops <= aliases.Count; hops++)
            story = target;
        return story;
    }

    private SliceDraft Slice(long slice, int part) => _slices.TryGetValue((slice, part), out var d) ? d : _slices[(slice, part)] = new SliceDraft();

    private Dictionary<string, long> Directory(int bucket) =>
        _directory.TryGetValue(bucket, out var d) ? d : _directory[bucket] = new Dictionary<string, long>(StringComparer.Ordinal);

    private StoryDraft Stories(string story) =>
        _stories.TryGetValue(Layout.BucketOf(story), out var d) ? d : _stories[Layout.BucketOf(story)] = new StoryDraft();

    private enum Kind
    {
        Upsert,
        Update,
        Follower,
    }

    /// <param name="Old">What the state held before (null for a new document).</param>
    private sealed record Entry(Kind Kind, string Story, Known? Old, CorpusDocument? Document);

    private sealed class SliceDraft
    {
        public List<DocRecord> Upserts { get; } = [];

        public List<string> Deletes { get; } = [];

        public List<StoryChange> Stories { get; } = [];

        public List<EdgeKey> RemoveEdges { get; } = [];

        public List<EdgeAdd> AddEdges { get; } = [];

        public long? ReleaseBefore { get; set; }

        /// <summary>Upserts a chunk at a time, then the rest: applied in order, the same as all at once.</summary>
        public SliceChanges[] Chunks(int size)
        {
            var chunks = new List<SliceChanges>();
            for (var at = 0; at + size < Upserts.Count; at += size)
                chunks.Add(new SliceChanges([.. Upserts.GetRange(at, size)], [], [], [], [], null));
            var rest = Upserts.Count == 0 ? 0 : (Upserts.Count - 1) / size * size;
            chunks.Add(new SliceChanges([.. Upserts.Skip(rest)], [.. Deletes], [.. Stories], [.. RemoveEdges], [.. AddEdges], ReleaseBefore));
            return [.. chunks];
        }
    }

    private sealed class StoryDraft
    {
        private readonly Dictionary<string, List<string>> _aliasesIn = new(StringComparer.Ordinal);

        public List<string> NewStories { get; } = [];

        public List<MemberKey> RemoveMembers { get; } = [];

        public List<Member> AddMembers { get; } = [];

        public List<string> RemoveStories { get; } = [];

        public Dictionary<string, string> SetAliases { get; } = new(StringComparer.Ordinal);

        public void AddAliasesIn(string target, IEnumerable<string> aliases)
        {
            if (!_aliasesIn.TryGetValue(target, out var list))
                _aliasesIn[target] = list = [];
            list.AddRange(aliases);
        }

        public StoryIndexChanges Build() => new([.. NewStories], [.. RemoveMembers], [.. AddMembers], [.. RemoveStories], SetAliases,
            _aliasesIn.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }
}
