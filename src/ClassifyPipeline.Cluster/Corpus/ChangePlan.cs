using ClassifyPipeline.Cluster.Grains;
using ClassifyPipeline.Cluster.Model;

namespace ClassifyPipeline.Cluster.Corpus;

/// <summary>A batch's changes split by the grain they belong to: what <see cref="ClusterCorpusSession"/> prepares, commits and applies.</summary>
internal sealed class ChangePlan(
    CatalogChanges catalog,
    IReadOnlyDictionary<(long Slice, int Part), SliceChanges[]> slices,
    IReadOnlyDictionary<int, DirectoryChanges> directory,
    IReadOnlyDictionary<int, StoryIndexChanges> stories)
{
    public CatalogChanges Catalog => catalog;

    public IReadOnlyDictionary<(long Slice, int Part), SliceChanges[]> Slices => slices;

    public IReadOnlyDictionary<int, DirectoryChanges> Directory => directory;

    public IReadOnlyDictionary<int, StoryIndexChanges> Stories => stories;

    /// <summary>How many grains take part.</summary>
    public int GrainCount => slices.Count + directory.Count + stories.Count;

    /// <summary>Hands every grain its share, to hold aside until the commit.</summary>
    public void Prepare(ClusterCorpusSession session) =>
        session.Calls.ForAll(Participants(session), p => p.Prepare(session.Batch), "preparing the batch's changes");

    /// <summary>After the commit: tells every grain to apply its share (one that misses it applies when next used).</summary>
    public void ApplyEverywhere(ClusterCorpusSession session) =>
        session.Calls.ForAll(Participants(session), p => p.Apply(session.Batch), "applying the committed batch");

    private List<Participant> Participants(ClusterCorpusSession session)
    {
        var result = new List<Participant>();
        foreach (var ((s, p), chunks) in Slices)
            result.Add(Participant.Of(session.Slice(s, p), chunks));
        foreach (var (b, changes) in Directory)
            result.Add(Participant.Of(session.Grains.GetGrain<IDirectoryGrain>(GrainKeys.Bucket(session.Corpus, b)), [changes]));
        foreach (var (b, changes) in Stories)
            result.Add(Participant.Of(session.Grains.GetGrain<IStoryIndexGrain>(GrainKeys.Bucket(session.Corpus, b)), [changes]));
        return result;
    }

    /// <summary>A grain taking part in the commit, and its chunks of changes.</summary>
    private sealed record Participant(Func<Guid, Task> Prepare, Func<Guid, Task> Apply)
    {
        public static Participant Of<TChanges>(ICorpusGrain<TChanges> grain, TChanges[] chunks) => new(
            async batch =>
            {
                foreach (var chunk in chunks)
                    await grain.Prepare(batch, chunk);
            },
            grain.Apply);
    }
}
