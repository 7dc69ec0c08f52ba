using ClassifyPipeline.Cluster.Model;

namespace ClassifyPipeline.Cluster.Grains;

[GenerateSerializer]
public sealed class CatalogState
{
    [Id(0)]
    public CorpusLayout? Layout { get; set; }

    [Id(1)]
    public List<string> Terms { get; set; } = [];

    [Id(2)]
    public List<long> DocumentFrequency { get; set; } = [];

    [Id(3)]
    public long DocumentCount { get; set; }

    [Id(4)]
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.Ordinal);

    [Id(5)]
    public Dictionary<long, SliceRange> Slices { get; set; } = [];

    /// <summary>Every batch that committed (a batch is one id; a year of hourly batches is 140 KB).</summary>
    [Id(6)]
    public HashSet<Guid> Committed { get; set; } = [];

    /// <summary>The batch holding the lease, or empty.</summary>
    [Id(7)]
    public Guid Active { get; set; }

    [Id(8)]
    public DateTime ActiveUntil { get; set; }

    [Id(9)]
    public long? ReleasedBeforeTicks { get; set; }

    /// <summary>The document frequencies the IDF epoch was fitted on, by term id (terms added since have no entry).</summary>
    [Id(10)]
    public List<long> EpochFrequency { get; set; } = [];

    /// <summary>The document count the IDF epoch was fitted on; null until a batch fits one (a catalog written before epochs).</summary>
    [Id(11)]
    public long? EpochDocuments { get; set; }
}

/// <inheritdoc cref="ICatalogGrain"/>
public sealed class CatalogGrain([PersistentState("catalog", CorpusStorage.Name)] IPersistentState<CatalogState> state)
    : Grain, ICatalogGrain
{
    private CatalogState Data => state.State;

    public async Task<CatalogView> Begin(Guid batch, CorpusLayout layout, TimeSpan lease)
    {
        var now = DateTime.UtcNow;
        if (Data.Active != Guid.Empty && Data.Active != batch && Data.ActiveUntil > now)
            throw new InvalidOperationException($"the corpus '{this.GetPrimaryKeyString()}' is in use by another run (its lease ends {Data.ActiveUntil:u} unless renewed)");
        if (Data.Layout is null)
            Data.Layout = layout;
        else if (Data.Layout != layout)
            throw new InvalidOperationException($"the corpus '{this.GetPrimaryKeyString()}' was created with {Data.Layout}, not {layout}; use its settings or another corpus name");
        // a batch whose lease ran out is superseded: it can no longer commit, so grains holding its changes drop them
        Data.Active = batch;
        Data.ActiveUntil = now + lease;
        await Write();
        return new CatalogView(Data.Layout, Data.Terms.Count, Data.DocumentCount, new Dictionary<string, string>(Data.Settings, StringComparer.Ordinal),
            Data.Slices.Values.OrderBy(s => s.Slice).ToArray(), Data.ReleasedBeforeTicks, Data.EpochDocuments);
    }

    public async Task<bool> Renew(Guid batch, TimeSpan lease)
    {
        if (Data.Active != batch)
            return false;
        Data.ActiveUntil = DateTime.UtcNow + lease;
        await Write();
        return true;
    }

    public Task<VocabularyChunk> Vocabulary(int from, int count)
    {
        var n = Math.Max(0, Math.Min(count, Data.Terms.Count - from));
        var epoch = new long[n];
        for (var k = 0; k < n && from + k < Data.EpochFrequency.Count; k++)
            epoch[k] = Data.EpochFrequency[from + k];
        return Task.FromResult(new VocabularyChunk(Data.Terms.GetRange(from, n).ToArray(), Data.DocumentFrequency.GetRange(from, n).ToArray(), epoch));
    }

    public async Task Commit(Guid batch, CatalogChanges changes)
    {
        if (Data.Committed.Contains(batch))
            return;
        if (Data.Active != batch)
            throw new InvalidOperationException($"batch {batch} lost its lease on the corpus '{this.GetPrimaryKeyString()}' (another run took it over): it was not committed");
        foreach (var (id, term) in changes.NewTerms.OrderBy(p => p.Key))
        {
            if (id != Data.Terms.Count)
                throw new InvalidOperationException($"term id {id} does not continue the vocabulary ({Data.Terms.Count} terms)");
            Data.Terms.Add(term);
            Data.DocumentFrequency.Add(0);
        }
        foreach (var (id, delta) in changes.DocumentFrequencyDeltas)
            Data.DocumentFrequency[id] += delta;
        Data.DocumentCount += changes.DocumentCountDelta;
        if (changes.RefitIdfEpoch)
        {
            Data.EpochFrequency = [.. Data.DocumentFrequency];
            Data.EpochDocuments = Data.DocumentCount;
        }
        foreach (var (key, value) in changes.Settings)
            Data.Settings[key] = value;
        foreach (var range in changes.Slices)
        {
            Data.Slices[range.Slice] = Data.Slices.TryGetValue(range.Slice, out var old)
                ? new SliceRange(range.Slice, Math.Min(old.MinTicks, range.MinTicks), Math.Max(old.MaxTicks, range.MaxTicks))
                : range;
        }
        if (changes.ReleasedBeforeTicks is { } released)
            Data.ReleasedBeforeTicks = Math.Max(Data.ReleasedBeforeTicks ?? long.MinValue, released);
        Data.Committed.Add(batch);
        Data.Active = Guid.Empty;
        await Write();
    }

    public async Task Abort(Guid batch)
    {
        if (Data.Active != batch)
            return;
        Data.Active = Guid.Empty;
        await Write();
    }

    public Task<BatchOutcome> Outcome(Guid batch) => Task.FromResult(
        Data.Committed.Contains(batch) ? BatchOutcome.Committed : Data.Active == batch ? BatchOutcome.Active : BatchOutcome.Aborted);

    /// <summary>Writes the state; when the write fails, this activation goes (its memory may be ahead of storage) and the next call reads storage again.</summary>
    private async Task Write()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    public async Task Forget(Guid batch)
    {
        if (Data.Active != batch && Data.Active != Guid.Empty)
            return;
        await state.ClearStateAsync();
        state.State = new CatalogState();
        DeactivateOnIdle();
    }
}
