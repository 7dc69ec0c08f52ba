using ClassifyPipeline.Cluster.Model;

namespace ClassifyPipeline.Cluster.Grains;

/// <summary>
/// The documents of one time slice of a corpus whose ids hash to one part (key: corpus/slice/part): their
/// metadata, their term bags while in reach of later batches, and their edges. A batch's join runs here: the
/// batch's articles of this slice are staged beside the stored ones, and new articles of this and the
/// neighbouring slices probe them. Every call names the caller's batch, so that a grain first settles changes a
/// batch left prepared (see <see cref="ICorpusGrain{TChanges}"/>).
/// </summary>
public interface ISliceGrain : ICorpusGrain<SliceChanges>
{
    /// <summary>Adds batch articles to this grain's join and hides the stored copies of batch articles; returns this activation's token.</summary>
    Task<Guid> Stage(Guid batch, StagedDoc[] documents, string[] hide);

    /// <summary>
    /// Builds the batch's index (stored documents with bags, not hidden, and the staged ones) with the shipped weights;
    /// fails when the activation that the batch staged into is gone (<paramref name="staged"/> is its token, or empty).
    /// </summary>
    Task<Guid> Join(Guid batch, Guid staged, JoinSettings settings);

    /// <summary>The pairs of these new articles with the indexed documents (see <see cref="Join"/>); fails on another activation than <paramref name="token"/>.</summary>
    Task<ProbeAnswer> Probe(Guid batch, Guid token, ProbeDoc[] probes);

    /// <summary>Lets go of the batch's staged articles and index.</summary>
    Task EndJoin(Guid batch);

    Task<DocRecord[]> Get(Guid batch, string[] ids, bool withBags);

    /// <summary>Stored documents with window times in [from, to] whose bags are kept.</summary>
    Task<DocRecord[]> Window(Guid batch, long fromTicks, long toTicks);

    /// <summary>Every stored edge with an end among these documents.</summary>
    Task<EdgeRecord[]> Edges(Guid batch, string[] ids);
}
