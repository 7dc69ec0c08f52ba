namespace ClassifyPipeline.Corpus;

/// <summary>The stored terms by id (ids are dense, from 0), how many stored documents hold each, and how many documents there are.</summary>
/// <param name="Epoch">The term statistics the IDF was last fitted on (<see cref="IdfEpoch"/>); null for a state that holds none
/// yet (empty, or written before epochs were kept): the next batch fits one.</param>
public sealed record CorpusVocabulary(IReadOnlyList<string> Terms, IReadOnlyList<long> DocumentFrequency, long DocumentCount, IdfEpoch? Epoch = null)
{
    public static readonly CorpusVocabulary Empty = new([], [], 0);
}
