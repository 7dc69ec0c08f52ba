using ClassifyPipeline.Cluster.Model;

namespace ClassifyPipeline.Cluster.Grains;

[GenerateSerializer]
public sealed class ThreadIndexState : CommittedState
{
    /// <summary>Per live story, its summary.</summary>
    [Id(0)]
    public Dictionary<string, SummaryRecord> Summaries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Merged-away thread → the thread it survives in.</summary>
    [Id(1)]
    public Dictionary<string, string> Aliases { get; set; } = new(StringComparer.Ordinal);
}

/// <inheritdoc cref="IThreadIndexGrain"/>
public sealed class ThreadIndexGrain(
    [PersistentState("threads", CorpusStorage.Name)] IPersistentState<ThreadIndexState> state,
    [PersistentState("threads-pending", CorpusStorage.Name)] IPersistentState<PendingChanges<ThreadIndexChanges>> pending)
    : CorpusGrain<ThreadIndexState, ThreadIndexChanges>(state, pending), IThreadIndexGrain
{
    public async Task<ThreadsView> Load(Guid batch)
    {
        await Settle(batch);
        return new ThreadsView(Data.Summaries.Values.OrderBy(s => s.StoryId, StringComparer.Ordinal).ToArray(),
            new Dictionary<string, string>(Data.Aliases, StringComparer.Ordinal));
    }

    protected override void ApplyChanges(ThreadIndexChanges changes)
    {
        foreach (var id in changes.RemovedStories)
            Data.Summaries.Remove(id);
        foreach (var s in changes.Upserts)
            Data.Summaries[s.StoryId] = s;
        foreach (var (alias, target) in changes.Aliases.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var (a, _) in Data.Aliases.Where(p => p.Value == alias).ToList())
                Data.Aliases[a] = target;
            Data.Aliases[alias] = target;
        }
    }
}
