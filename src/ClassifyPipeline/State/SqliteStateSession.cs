using Microsoft.Data.Sqlite;

namespace ClassifyPipeline.State;

/// <summary>One batch's transaction on a <see cref="SqliteStateStore"/>; rolled back on dispose unless committed.</summary>
internal sealed class SqliteStateSession(SqliteConnection connection, SqliteTransaction transaction, Action<string>? faultInjection, string directory) : IStateSession
{
    private bool _committed;
    private bool _wantedTableReady;

    public string? GetSetting(string key)
    {
        using var command = Command("SELECT value FROM settings WHERE key = $key");
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    public void SetSetting(string key, string value)
    {
        using var command = Command("INSERT INTO settings (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    public long DocumentCount()
    {
        using var command = Command("SELECT count(*) FROM articles");
        return (long)command.ExecuteScalar()!;
    }

    public Dictionary<string, long> LoadDocumentFrequencies() => Guard(() => LoadDocumentFrequenciesCore());

    private Dictionary<string, long> LoadDocumentFrequenciesCore()
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        ForEach("SELECT term, df FROM term_df", r => result.Add(r.GetString(0), r.GetInt64(1)));
        return result;
    }

    public IReadOnlyList<StoredArticle> LoadArticles(IReadOnlyCollection<string> ids) => Guard(() => LoadArticlesCore(ids));

    private IReadOnlyList<StoredArticle> LoadArticlesCore(IReadOnlyCollection<string> ids)
    {
        FillWanted(ids);
        var result = new List<StoredArticle>();
        ForEach("SELECT a.id, a.published, a.first_seen, a.story_id, a.terms, a.title FROM articles a JOIN temp.wanted w ON w.id = a.id ORDER BY a.id",
            r => result.Add(ReadArticle(r, withTerms: true)));
        return result;
    }

    public IReadOnlyList<StoredArticle> LoadWindow(DateTimeOffset since) => Guard(() => LoadWindowCore(since));

    private IReadOnlyList<StoredArticle> LoadWindowCore(DateTimeOffset since)
    {
        var result = new List<StoredArticle>();
        ForEach("SELECT id, published, first_seen, story_id, terms, title FROM articles WHERE window_time >= $since ORDER BY id",
            r => result.Add(ReadArticle(r, withTerms: true)),
            ("$since", since.UtcTicks));
        return result;
    }

    public IReadOnlyList<StoredArticle> LoadStoryMembers(IReadOnlyCollection<string> storyIds) => Guard(() => LoadStoryMembersCore(storyIds));

    private IReadOnlyList<StoredArticle> LoadStoryMembersCore(IReadOnlyCollection<string> storyIds)
    {
        FillWanted(storyIds);
        var result = new List<StoredArticle>();
        ForEach("SELECT a.id, a.published, a.first_seen, a.story_id, NULL, a.title FROM articles a JOIN temp.wanted w ON w.id = a.story_id ORDER BY a.id",
            r => result.Add(ReadArticle(r, withTerms: false)));
        return result;
    }

    public bool IsStoryIdTaken(string storyId)
    {
        using var command = Command("SELECT EXISTS (SELECT 1 FROM stories WHERE id = $id) OR EXISTS (SELECT 1 FROM story_aliases WHERE alias = $id) OR EXISTS (SELECT 1 FROM articles WHERE story_id = $id)");
        command.Parameters.AddWithValue("$id", storyId);
        return (long)command.ExecuteScalar()! != 0;
    }

    public void Apply(StateChanges changes) => Guard(() => ApplyCore(changes));

    private bool ApplyCore(StateChanges changes)
    {
        using (var upsert = Command("""
            INSERT INTO articles (id, published, first_seen, window_time, story_id, terms, title) VALUES ($id, $published, $firstSeen, $windowTime, $story, $terms, $title)
            ON CONFLICT (id) DO UPDATE SET published = excluded.published, first_seen = excluded.first_seen,
                window_time = excluded.window_time, story_id = excluded.story_id, terms = excluded.terms, title = excluded.title
            """))
        {
            var id = upsert.Parameters.Add("$id", SqliteType.Text);
            var published = upsert.Parameters.Add("$published", SqliteType.Integer);
            var firstSeen = upsert.Parameters.Add("$firstSeen", SqliteType.Integer);
            var windowTime = upsert.Parameters.Add("$windowTime", SqliteType.Integer);
            var story = upsert.Parameters.Add("$story", SqliteType.Text);
            var terms = upsert.Parameters.Add("$terms", SqliteType.Blob);
            var title = upsert.Parameters.Add("$title", SqliteType.Text);
            foreach (var a in changes.Upserts)
            {
                id.Value = a.Id;
                published.Value = a.Published is { } p ? p.UtcTicks : DBNull.Value;
                firstSeen.Value = a.FirstSeen.UtcTicks;
                windowTime.Value = a.WindowTime.UtcTicks;
                story.Value = a.StoryId;
                terms.Value = (a.Terms ?? throw new ArgumentException($"article {a.Id} has no terms to store")).Encode();
                title.Value = (object?)a.Title ?? DBNull.Value;
                upsert.ExecuteNonQuery();
            }
        }
        faultInjection?.Invoke("articles");

        using (var move = Command("UPDATE articles SET story_id = $story WHERE id = $id"))
        {
            var id = move.Parameters.Add("$id", SqliteType.Text);
            var story = move.Parameters.Add("$story", SqliteType.Text);
            foreach (var (articleId, storyId) in changes.StoryMoves.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                id.Value = articleId;
                story.Value = storyId;
                move.ExecuteNonQuery();
            }
        }

        using (var df = Command("INSERT INTO term_df (term, df) VALUES ($term, $delta) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df"))
        {
            var term = df.Parameters.Add("$term", SqliteType.Text);
            var delta = df.Parameters.Add("$delta", SqliteType.Integer);
            var anyNegative = false;
            foreach (var (t, d) in changes.DocumentFrequencyDeltas.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (d == 0)
                    continue;
                anyNegative |= d < 0;
                term.Value = t;
                delta.Value = d;
                df.ExecuteNonQuery();
            }
            if (anyNegative)
                Execute("DELETE FROM term_df WHERE df <= 0");
        }
        faultInjection?.Invoke("statistics");

        using (var story = Command("INSERT INTO stories (id, created) VALUES ($id, $created) ON CONFLICT (id) DO NOTHING"))
        {
            var id = story.Parameters.Add("$id", SqliteType.Text);
            story.Parameters.AddWithValue("$created", changes.Now.UtcTicks);
            foreach (var s in changes.NewStories)
            {
                id.Value = s;
                story.ExecuteNonQuery();
            }
        }

        foreach (var (alias, target) in changes.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            // members the batch did not reach (outside the window) and older aliases follow the merge
            Execute("UPDATE articles SET story_id = $target WHERE story_id = $alias", ("$alias", alias), ("$target", target));
            Execute("UPDATE story_aliases SET story_id = $target WHERE story_id = $alias", ("$alias", alias), ("$target", target));
            Execute("INSERT INTO story_aliases (alias, story_id) VALUES ($alias, $target) ON CONFLICT (alias) DO UPDATE SET story_id = excluded.story_id", ("$alias", alias), ("$target", target));
            Execute("DELETE FROM stories WHERE id = $alias", ("$alias", alias));
        }
        return true;
    }

    public void Commit()
    {
        faultInjection?.Invoke("commit");
        Guard(() =>
        {
            transaction.Commit();
            return true;
        });
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
            transaction.Rollback();
        transaction.Dispose();
        connection.Dispose();
    }

    /// <summary>Turns an SQLite failure (disk full, I/O error, corruption) into one message naming the state.</summary>
    private T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (SqliteException e)
        {
            throw new StateException($"the state in '{directory}' cannot be used: {e.Message}", e);
        }
    }

    internal void ForEach(string sql, Action<SqliteDataReader> row, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            row(reader);
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql) => new(sql, connection, transaction);

    /// <summary>Puts a set of ids into a temporary table, so a query can join them however many there are.</summary>
    private void FillWanted(IReadOnlyCollection<string> ids)
    {
        if (!_wantedTableReady)
        {
            Execute("CREATE TEMP TABLE IF NOT EXISTS wanted (id TEXT PRIMARY KEY) WITHOUT ROWID");
            _wantedTableReady = true;
        }
        Execute("DELETE FROM temp.wanted");
        using var insert = Command("INSERT OR IGNORE INTO temp.wanted (id) VALUES ($id)");
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        foreach (var value in ids)
        {
            id.Value = value;
            insert.ExecuteNonQuery();
        }
    }

    private static StoredArticle ReadArticle(SqliteDataReader r, bool withTerms) => new(
        r.GetString(0),
        r.IsDBNull(1) ? null : new DateTimeOffset(r.GetInt64(1), TimeSpan.Zero),
        new DateTimeOffset(r.GetInt64(2), TimeSpan.Zero),
        r.GetString(3),
        withTerms ? TermCounts.Decode((byte[])r.GetValue(4)) : null,
        r.IsDBNull(5) ? null : r.GetString(5));
}
