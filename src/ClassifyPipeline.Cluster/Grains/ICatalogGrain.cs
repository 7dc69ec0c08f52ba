using ClassifyPipeline.Cluster.Model;

namespace ClassifyPipeline.Cluster.Grains;

/// <summary>
/// The one grain of a corpus that everything else is relative to (key: the corpus name): its layout, its term
/// statistics (IDF is computed from them once per batch, by the coordinator, and shipped), its settings, the slices
/// that hold documents, the one batch that may change it at a time (a lease), and the record of which batches
/// committed: the commit point of every batch.
/// </summary>
public interface ICatalogGrain : IGrainWithStringKey
{
    /// <summary>Starts a batch: takes the lease (or fails while another unexpired batch holds it), sets the layout of a new corpus.</summary>
    Task<CatalogView> Begin(Guid batch, CorpusLayout layout, TimeSpan lease);

    /// <summary>Extends the batch's lease; false when the batch no longer holds it.</summary>
    Task<bool> Renew(Guid batch, TimeSpan lease);

    Task<VocabularyChunk> Vocabulary(int from, int count);

    /// <summary>The commit point: applies the batch's statistics and settings and records it as committed, in one write.</summary>
    Task Commit(Guid batch, CatalogChanges changes);

    /// <summary>Ends a batch without committing it (nothing it prepared elsewhere will be applied).</summary>
    Task Abort(Guid batch);

    Task<BatchOutcome> Outcome(Guid batch);

    /// <summary>Forgets a corpus that kept nothing (a run without a state), once its batch ended.</summary>
    Task Forget(Guid batch);
}
