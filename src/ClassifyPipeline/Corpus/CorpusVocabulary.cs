namespace ClassifyPipeline.Corpus;

/// <summary>The stored terms by id (ids are dense, from 0), how many stored documents hold each, and how many documents there are.</summary>
public sealed record CorpusVocabulary(IReadOnlyList<string> Terms, IReadOnlyList<long> DocumentFrequency, long DocumentCount)
{
    public static readonly CorpusVocabulary Empty = new([], [], 0);
}
