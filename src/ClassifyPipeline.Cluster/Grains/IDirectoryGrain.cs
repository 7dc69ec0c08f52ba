using ClassifyPipeline.Cluster.Model;

namespace ClassifyPipeline.Cluster.Grains;

/// <summary>Where documents live (key: corpus/bucket, ids hashed into buckets): id → time slice.</summary>
public interface IDirectoryGrain : ICorpusGrain<DirectoryChanges>
{
    /// <summary>The slices of the ids stored (ids not stored are left out).</summary>
    Task<Dictionary<string, long>> Lookup(Guid batch, string[] ids);
}
