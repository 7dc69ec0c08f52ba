namespace ClassifyPipeline.Cluster.Grains;

/// <summary>
/// A grain that holds part of a corpus's state and takes part in a batch's commit: it keeps the batch's changes
/// aside (<see cref="Prepare"/>, durable) until the catalog records the commit, then applies them (<see cref="Apply"/>).
/// A grain that missed the <see cref="Apply"/> (its silo died) settles the next time it is used: it asks the
/// catalog how the batch ended, and applies or drops the changes.
/// </summary>
public interface ICorpusGrain<in TChanges> : IGrainWithStringKey
{
    /// <summary>Adds a chunk of the batch's changes to those held aside (chunks apply in the order they came).</summary>
    Task Prepare(Guid batch, TChanges changes);

    Task Apply(Guid batch);
}
