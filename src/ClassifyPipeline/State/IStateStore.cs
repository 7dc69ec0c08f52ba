namespace ClassifyPipeline.State;

/// <summary>
/// The persistent state behind <c>classify run --state DIR</c>: stored articles (term counts, times, story),
/// corpus statistics, stories and story aliases. Only the implementation knows the storage (SQLite).
/// </summary>
public interface IStateStore : IDisposable
{
    /// <summary>
    /// Starts the one write session a batch uses, waiting for a run already holding the state (up to the lock
    /// timeout), else throwing <see cref="StateException"/>. Disposing the session without
    /// <see cref="IStateSession.Commit"/> leaves the state exactly as it was.
    /// </summary>
    IStateSession Begin(CancellationToken cancellationToken = default);

    /// <summary>Reads the whole state (for inspection and tests).</summary>
    StateSnapshot Snapshot();
}

/// <summary>One batch's exclusive, all-or-nothing access to the state.</summary>
public interface IStateSession : IDisposable
{
    /// <summary>A stored setting (e.g. the analysis settings the terms were made with), or null.</summary>
    string? GetSetting(string key);

    void SetSetting(string key, string value);

    long DocumentCount();

    /// <summary>For every stored term, the number of stored articles holding it.</summary>
    Dictionary<string, long> LoadDocumentFrequencies();

    /// <summary>The stored articles among these ids, with their terms.</summary>
    IReadOnlyList<StoredArticle> LoadArticles(IReadOnlyCollection<string> ids);

    /// <summary>Stored articles whose time (published, else first seen) is at or after <paramref name="since"/>, with their terms.</summary>
    IReadOnlyList<StoredArticle> LoadWindow(DateTimeOffset since);

    /// <summary>Every stored member of these stories, without terms.</summary>
    IReadOnlyList<StoredArticle> LoadStoryMembers(IReadOnlyCollection<string> storyIds);

    /// <summary>True when a story or an alias already has this id.</summary>
    bool IsStoryIdTaken(string storyId);

    void Apply(StateChanges changes);

    /// <summary>Makes the batch's changes durable, all at once.</summary>
    void Commit();
}
