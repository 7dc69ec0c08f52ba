namespace ClassifyPipeline.Corpus;

/// <summary>
/// The corpus state a batch is compared with: the window's documents (their terms), the term statistics, the
/// stories and the similarity edges that still matter. One seam, three homes: in memory for a run that stands
/// alone (<see cref="InMemoryCorpusState"/>), SQLite for <c>--state</c>, a cluster for scale-out.
/// </summary>
public interface ICorpusState : IDisposable
{
    /// <summary>
    /// Starts the one session a batch uses, exclusive and all-or-nothing: disposing it without
    /// <see cref="ICorpusSession.Commit"/> leaves the state exactly as it was.
    /// </summary>
    ICorpusSession Begin(CancellationToken cancellationToken = default);
}
