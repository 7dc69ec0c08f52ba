using ClassifyPipeline.Cluster.Join;
using ClassifyPipeline.Cluster.Model;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Cluster.Grains;

[GenerateSerializer]
public sealed class SliceState : CommittedState
{
    [Id(0)]
    public Dictionary<string, StoredDocument> Documents { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A document as a slice keeps it: its record and its edge ends (other document → edge).</summary>
[GenerateSerializer]
public sealed class StoredDocument
{
    [Id(0)]
    public required DocRecord Doc { get; set; }

    [Id(1)]
    public Dictionary<string, EdgeEnd> Edges { get; set; } = new(StringComparer.Ordinal);
}

/// <inheritdoc cref="ISliceGrain"/>
public sealed class SliceGrain(
    [PersistentState("slice", CorpusStorage.Name)] IPersistentState<SliceState> state,
    [PersistentState("slice-pending", CorpusStorage.Name)] IPersistentState<PendingChanges<SliceChanges>> pending)
    : CorpusGrain<SliceState, SliceChanges>(state, pending), ISliceGrain
{
    // what a batch's join keeps here in memory only: lost with the activation, which the token tells the coordinator
    private readonly Guid _token = Guid.NewGuid();
    private readonly List<StagedDoc> _staged = [];
    private readonly HashSet<string> _hidden = new(StringComparer.Ordinal);
    private Guid _batch;
    private ProbeIndex? _index;

    private bool IsUndatedSlice => this.GetPrimaryKeyString().Split('/')[1] == GrainKeys.Undated;

    public async Task<Guid> Stage(Guid batch, StagedDoc[] documents, string[] hide)
    {
        await Settle(batch);
        if (_batch != batch)
            Reset(batch);
        _staged.AddRange(documents);
        _hidden.UnionWith(hide);
        _index = null;
        return _token;
    }

    public async Task<Guid> Join(Guid batch, Guid staged, JoinSettings settings)
    {
        await Settle(batch);
        if (staged != Guid.Empty && (staged != _token || _batch != batch))
            throw Lost(batch);
        if (_batch != batch)
            Reset(batch);
        var idf = IdfWeights.FromWeights(settings.Idf, settings.SublinearTf);
        var entries = new List<ProbeIndex.Entry>(Data.Documents.Count + _staged.Count);
        foreach (var (id, stored) in Data.Documents)
        {
            if (stored.Doc.Bag is { } bag && !_hidden.Contains(id))
                entries.Add(new ProbeIndex.Entry(id, stored.Doc.WindowTicks, false, idf.Vector(TermBag.Decode(bag)), stored.Doc));
        }
        foreach (var d in _staged)
            entries.Add(new ProbeIndex.Entry(d.Id, d.WindowTicks, d.IsNew, idf.Vector(TermBag.Decode(d.Bag)), null));
        _index = new ProbeIndex(entries, idf, settings, IsUndatedSlice);
        return _token;
    }

    public Task<ProbeAnswer> Probe(Guid batch, Guid token, ProbeDoc[] probes)
    {
        if (token != _token || _batch != batch || _index is null)
            throw Lost(batch);
        return Task.FromResult(_index.Probe(probes));
    }

    public Task EndJoin(Guid batch)
    {
        if (_batch == batch)
            Reset(Guid.Empty);
        return Task.CompletedTask;
    }

    public async Task<DocRecord[]> Get(Guid batch, string[] ids, bool withBags)
    {
        await Settle(batch);
        var result = new List<DocRecord>(ids.Length);
        foreach (var id in ids)
        {
            if (Data.Documents.TryGetValue(id, out var stored))
                result.Add(withBags || stored.Doc.Bag is null ? stored.Doc : stored.Doc with { Bag = null });
        }
        return [.. result];
    }

    public async Task<DocRecord[]> Window(Guid batch, long fromTicks, long toTicks)
    {
        await Settle(batch);
        return Data.Documents.Values.Select(s => s.Doc).Where(d => d.Bag is not null && d.WindowTicks >= fromTicks && d.WindowTicks <= toTicks).ToArray();
    }

    public async Task<EdgeRecord[]> Edges(Guid batch, string[] ids)
    {
        await Settle(batch);
        var result = new List<EdgeRecord>();
        foreach (var id in ids)
        {
            if (!Data.Documents.TryGetValue(id, out var stored))
                continue;
            foreach (var (other, end) in stored.Edges)
                result.Add(end.IsFrom ? new EdgeRecord(id, other, end.Cosine) : new EdgeRecord(other, id, end.Cosine));
        }
        return [.. result];
    }

    protected override void ApplyChanges(SliceChanges changes)
    {
        var documents = Data.Documents;
        foreach (var d in changes.Upserts)
        {
            if (documents.TryGetValue(d.Id, out var stored))
                stored.Doc = d;
            else
                documents[d.Id] = new StoredDocument { Doc = d };
        }
        foreach (var id in changes.Deletes)
            documents.Remove(id);
        foreach (var change in changes.Stories)
        {
            if (!documents.TryGetValue(change.Id, out var stored))
                continue;
            stored.Doc = change.SetDuplicate
                ? stored.Doc with { StoryId = change.StoryId, DuplicateOf = change.DuplicateOf, DuplicateSimilarity = change.DuplicateSimilarity }
                : stored.Doc with { StoryId = change.StoryId };
        }
        foreach (var (id, other) in changes.RemoveEdges)
            documents.GetValueOrDefault(id)?.Edges.Remove(other);
        foreach (var e in changes.AddEdges)
        {
            if (documents.TryGetValue(e.Id, out var stored))
                stored.Edges[e.Other] = new EdgeEnd(e.Cosine, e.OtherWindowTicks, e.IsFrom);
        }
        if (changes.ReleaseBeforeTicks is { } cutoff)
        {
            foreach (var stored in documents.Values)
            {
                if (stored.Doc.WindowTicks >= cutoff)
                    continue;
                if (stored.Doc.Bag is not null)
                    stored.Doc = stored.Doc with { Bag = null };
                foreach (var (other, end) in stored.Edges.Where(p => p.Value.OtherWindowTicks < cutoff).ToList())
                    stored.Edges.Remove(other);
            }
        }
    }

    private void Reset(Guid batch)
    {
        _batch = batch;
        _staged.Clear();
        _hidden.Clear();
        _index = null;
    }

    private InvalidOperationException Lost(Guid batch) =>
        new($"slice grain {this.GetPrimaryKeyString()} lost batch {batch}'s join (its silo stopped, or it was moved): the batch cannot complete; run it again");
}
