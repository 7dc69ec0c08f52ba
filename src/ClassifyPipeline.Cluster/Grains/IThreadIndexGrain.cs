using ClassifyPipeline.Cluster.Model;

namespace ClassifyPipeline.Cluster.Grains;

/// <summary>The threads of a corpus (key: corpus/threads, one grain): every live story's summary and the thread aliases.</summary>
public interface IThreadIndexGrain : ICorpusGrain<ThreadIndexChanges>
{
    /// <summary>Everything it holds, story summaries by story id.</summary>
    Task<ThreadsView> Load(Guid batch);
}
