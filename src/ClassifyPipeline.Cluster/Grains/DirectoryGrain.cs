using ClassifyPipeline.Cluster.Model;

namespace ClassifyPipeline.Cluster.Grains;

[GenerateSerializer]
public sealed class DirectoryState : CommittedState
{
    [Id(0)]
    public Dictionary<string, long> SliceOf { get; set; } = new(StringComparer.Ordinal);
}

/// <inheritdoc cref="IDirectoryGrain"/>
public sealed class DirectoryGrain(
    [PersistentState("directory", CorpusStorage.Name)] IPersistentState<DirectoryState> state,
    [PersistentState("directory-pending", CorpusStorage.Name)] IPersistentState<PendingChanges<DirectoryChanges>> pending)
    : CorpusGrain<DirectoryState, DirectoryChanges>(state, pending), IDirectoryGrain
{
    public async Task<Dictionary<string, long>> Lookup(Guid batch, string[] ids)
    {
        await Settle(batch);
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (Data.SliceOf.TryGetValue(id, out var slice))
                result[id] = slice;
        }
        return result;
    }

    protected override void ApplyChanges(DirectoryChanges changes)
    {
        foreach (var (id, slice) in changes.Slices)
            Data.SliceOf[id] = slice;
    }
}
