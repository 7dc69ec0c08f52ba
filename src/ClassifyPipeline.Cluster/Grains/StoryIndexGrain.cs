using ClassifyPipeline.Cluster.Model;

namespace ClassifyPipeline.Cluster.Grains;

[GenerateSerializer]
public sealed class StoryIndexState : CommittedState
{
    /// <summary>The story ids of this bucket created and not merged away.</summary>
    [Id(0)]
    public HashSet<string> Live { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per story, its members (document → slice).</summary>
    [Id(1)]
    public Dictionary<string, Dictionary<string, long>> Members { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per live story, the aliases pointing at it.</summary>
    [Id(2)]
    public Dictionary<string, HashSet<string>> AliasesIn { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Merged-away story → the story it survives in.</summary>
    [Id(3)]
    public Dictionary<string, string> Aliases { get; set; } = new(StringComparer.Ordinal);
}

/// <inheritdoc cref="IStoryIndexGrain"/>
public sealed class StoryIndexGrain(
    [PersistentState("stories", CorpusStorage.Name)] IPersistentState<StoryIndexState> state,
    [PersistentState("stories-pending", CorpusStorage.Name)] IPersistentState<PendingChanges<StoryIndexChanges>> pending)
    : CorpusGrain<StoryIndexState, StoryIndexChanges>(state, pending), IStoryIndexGrain
{
    public async Task<StoryView[]> Stories(Guid batch, string[] storyIds)
    {
        await Settle(batch);
        return storyIds.Select(s => new StoryView(
                s,
                Data.Members.TryGetValue(s, out var members) ? members.Select(m => new Member(s, m.Key, m.Value)).ToArray() : [],
                Data.AliasesIn.TryGetValue(s, out var aliases) ? aliases.ToArray() : []))
            .ToArray();
    }

    public async Task<bool> IsTaken(Guid batch, string storyId)
    {
        await Settle(batch);
        return Data.Live.Contains(storyId) || Data.Aliases.ContainsKey(storyId);
    }

    protected override void ApplyChanges(StoryIndexChanges changes)
    {
        Data.Live.UnionWith(changes.NewStories);
        foreach (var (story, id) in changes.RemoveMembers)
        {
            if (Data.Members.TryGetValue(story, out var members) && members.Remove(id) && members.Count == 0)
                Data.Members.Remove(story);
        }
        foreach (var (story, id, slice) in changes.AddMembers)
        {
            if (!Data.Members.TryGetValue(story, out var members))
                Data.Members[story] = members = new Dictionary<string, long>(StringComparer.Ordinal);
            members[id] = slice;
        }
        foreach (var s in changes.RemoveStories)
        {
            Data.Live.Remove(s);
            Data.AliasesIn.Remove(s);
        }
        foreach (var (alias, target) in changes.SetAliases)
            Data.Aliases[alias] = target;
        foreach (var (target, aliases) in changes.AddAliasesIn)
        {
            if (!Data.AliasesIn.TryGetValue(target, out var set))
                Data.AliasesIn[target] = set = new HashSet<string>(StringComparer.Ordinal);
            set.UnionWith(aliases);
        }
    }
}
