namespace ClassifyPipeline.Corpus;

/// <summary>One batch's exclusive, all-or-nothing access to an <see cref="ICorpusState"/>.</summary>
public interface ICorpusSession : IDisposable
{
    /// <summary>
    /// False for a state that keeps nothing beyond the session (the in-memory state of a run without <c>--state</c>):
    /// the caller may then skip building changes it would only throw away.
    /// </summary>
    bool KeepsChanges { get; }

    /// <summary>A stored setting (e.g. the analysis settings the terms were made with), or null.</summary>
    string? GetSetting(string key);

    void SetSetting(string key, string value);

    /// <summary>Every stored term with its id and document frequency, and the number of documents.</summary>
    CorpusVocabulary LoadVocabulary();

    /// <summary>The stored documents among these ids (their bags, unless let go).</summary>
    IReadOnlyList<CorpusDocument> LoadDocuments(IReadOnlyCollection<string> ids);

    /// <summary>Stored documents whose window time lies in [<paramref name="from"/>, <paramref name="to"/>] and whose bag is kept.</summary>
    IReadOnlyList<CorpusDocument> LoadWindow(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Every stored edge with an end among these documents.</summary>
    IReadOnlyList<CorpusEdge> LoadEdges(IReadOnlyCollection<string> documentIds);

    /// <summary>Every stored member of these stories (without bags).</summary>
    IReadOnlyList<CorpusDocument> LoadStoryMembers(IReadOnlyCollection<string> storyIds);

    /// <summary>True when a story or an alias already has this id.</summary>
    bool IsStoryIdTaken(string storyId);

    /// <summary>
    /// Writes (or prepares) the batch's changes; <paramref name="written"/> hears the rows written so far, of the batch's
    /// upserts, updates and edges, for a state whose writing takes a while.
    /// </summary>
    void Apply(CorpusChanges changes, IProgress<long>? written = null);

    /// <summary>Every stored story summary (the thread step's input) and the thread aliases.</summary>
    StoredThreads LoadThreads();

    /// <summary>The batch's thread changes, made durable with the rest at <see cref="Commit"/>.</summary>
    void ApplyThreads(ThreadChanges changes);

    /// <summary>Makes the batch's changes durable, all at once.</summary>
    void Commit();
}
