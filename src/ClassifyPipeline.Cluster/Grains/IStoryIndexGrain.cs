using ClassifyPipeline.Cluster.Model;

namespace ClassifyPipeline.Cluster.Grains;

/// <summary>The stories of a corpus (key: corpus/bucket, story ids hashed into buckets): each story's members, and the aliases of merged stories.</summary>
public interface IStoryIndexGrain : ICorpusGrain<StoryIndexChanges>
{
    /// <summary>The members and incoming aliases of these stories (a story unknown here has none).</summary>
    Task<StoryView[]> Stories(Guid batch, string[] storyIds);

    /// <summary>True when a story or an alias has this id.</summary>
    Task<bool> IsTaken(Guid batch, string storyId);
}
