using System.Globalization;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Corpus;
using ClassifyPipeline.Vectors;
using Microsoft.Data.Sqlite;

namespace ClassifyPipeline.State;

/// <summary>One batch's transaction on a <see cref="SqliteCorpusState"/>; rolled back on dispose unless committed.</summary>
internal sealed class SqliteCorpusSession(SqliteConnection connection, SqliteTransaction transaction, Action<string>? faultInjection, string directory) : ICorpusSession
{
    private const string DocumentCountKey = "documentCount";
    private const string EpochDocumentsKey = "idfEpochDocuments";
    private const string Columns = "d.id, d.published, d.first_seen, d.story_id, d.duplicate_of, d.duplicate_similarity, d.bag, d.bag_hash, d.title, d.source";

    private bool _committed;
    private bool _wantedTableReady;

    public bool KeepsChanges => true;

    public string? GetSetting(string key)
    {
        using var command = Command("SELECT value FROM settings WHERE key = $key");
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    public void SetSetting(string key, string value) =>
        Execute("INSERT INTO settings (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value", ("$key", key), ("$value", value));

    public CorpusVocabulary LoadVocabulary() => Guard(() =>
    {
        var terms = new List<string>();
        var df = new List<long>();
        ForEach("SELECT id, term, df FROM terms ORDER BY id", r =>
        {
            if (r.GetInt64(0) != terms.Count)
                throw new CorpusStateException($"the state in '{directory}' is corrupt: term ids are not dense");
            terms.Add(r.GetString(1));
            df.Add(r.GetInt64(2));
        });
        var count = GetSetting(DocumentCountKey) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : 0;
        return new CorpusVocabulary(terms, df, count, LoadEpoch(terms.Count));
    });

    public IReadOnlyList<CorpusDocument> LoadDocuments(IReadOnlyCollection<string> ids) => Guard(() =>
    {
        FillWanted(ids);
        var result = new List<CorpusDocument>();
        ForEach($"SELECT {Columns} FROM documents d JOIN temp.wanted w ON w.id = d.id ORDER BY d.id", r => result.Add(Read(r, withBag: true)));
        return result;
    });

    public IReadOnlyList<CorpusDocument> LoadWindow(DateTimeOffset from, DateTimeOffset to) => Guard(() =>
    {
        var result = new List<CorpusDocument>();
        ForEach($"SELECT {Columns} FROM documents d WHERE d.window_time BETWEEN $from AND $to AND d.bag IS NOT NULL ORDER BY d.id",
            r => result.Add(Read(r, withBag: true)), ("$from", from.UtcTicks), ("$to", to.UtcTicks));
        return result;
    });

    public IReadOnlyList<CorpusEdge> LoadEdges(IReadOnlyCollection<string> documentIds) => Guard(() =>
    {
        FillWanted(documentIds);
        var result = new List<CorpusEdge>();
        ForEach("SELECT e.a, e.b, e.cosine FROM edges e JOIN temp.wanted w ON w.id = e.a UNION SELECT e.a, e.b, e.cosine FROM edges e JOIN temp.wanted w ON w.id = e.b",
            r => result.Add(new CorpusEdge(r.GetString(0), r.GetString(1), r.GetDouble(2))));
        return result;
    });

    public IReadOnlyList<CorpusDocument> LoadStoryMembers(IReadOnlyCollection<string> storyIds) => Guard(() =>
    {
        FillWanted(storyIds);
        var result = new List<CorpusDocument>();
        ForEach($"SELECT {Columns} FROM documents d JOIN temp.wanted w ON w.id = d.story_id ORDER BY d.id", r => result.Add(Read(r, withBag: false)));
        return result;
    });

    public bool IsStoryIdTaken(string storyId)
    {
        using var command = Command("SELECT EXISTS (SELECT 1 FROM stories WHERE id = $id) OR EXISTS (SELECT 1 FROM story_aliases WHERE alias = $id)");
        command.Parameters.AddWithValue("$id", storyId);
        return (long)command.ExecuteScalar()! != 0;
    }

    public void Apply(CorpusChanges changes, IProgress<long>? written = null) => Guard(() =>
    {
        new SqliteChangeWriter(this, written).Write(changes, faultInjection);
        var count = (GetSetting(DocumentCountKey) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : 0) + changes.DocumentCountDelta;
        SetSetting(DocumentCountKey, count.ToString(CultureInfo.InvariantCulture));
        if (changes.RefitIdfEpoch)
            WriteEpoch(count);
        return true;
    });

    /// <summary>The stored IDF epoch, or null for a state that holds none (new, or written before epochs were kept).</summary>
    private IdfEpoch? LoadEpoch(int terms)
    {
        if (GetSetting(EpochDocumentsKey) is not { } text)
            return null;
        var df = new long[terms];
        ForEach("SELECT id, df FROM idf_epoch", r =>
        {
            var id = r.GetInt64(0);
            if (id < 0 || id >= terms)
                throw new CorpusStateException($"the state in '{directory}' is corrupt: the IDF epoch names term {id} of {terms}");
            df[id] = r.GetInt64(1);
        });
        return new IdfEpoch(df, long.Parse(text, CultureInfo.InvariantCulture));
    }

    /// <summary>Makes the terms' frequencies as this batch leaves them the IDF epoch (after the batch's deltas are written).</summary>
    private void WriteEpoch(long documents)
    {
        Execute(StateSchema.IdfEpochTable);
        Execute("DELETE FROM idf_epoch");
        Execute("INSERT INTO idf_epoch (id, df) SELECT id, df FROM terms WHERE df > 0");
        SetSetting(EpochDocumentsKey, documents.ToString(CultureInfo.InvariantCulture));
    }

    public StoredThreads LoadThreads() => Guard(() => new SqliteThreadStore(this).Load());

    public void ApplyThreads(ThreadChanges changes) => Guard(() =>
    {
        new SqliteThreadStore(this).Write(changes);
        return true;
    });

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
            throw new CorpusStateException($"the state in '{directory}' cannot be used: {e.Message}", e);
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

    internal void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    internal SqliteCommand Command(string sql) => new(sql, connection, transaction);

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
        insert.Prepare();
        foreach (var value in ids)
        {
            id.Value = value;
            insert.ExecuteNonQuery();
        }
    }

    private static CorpusDocument Read(SqliteDataReader r, bool withBag) => new(
        r.GetString(0),
        r.IsDBNull(1) ? null : PublishedTime.TryParse(r.GetString(1), out var p) ? p : throw new InvalidDataException($"stored published time '{r.GetString(1)}' is not ISO 8601"),
        new DateTimeOffset(r.GetInt64(2), TimeSpan.Zero),
        r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        r.IsDBNull(5) ? null : r.GetDouble(5),
        withBag && !r.IsDBNull(6) ? TermBag.Decode((byte[])r.GetValue(6)) : null,
        r.GetInt64(7),
        r.IsDBNull(8) ? null : r.GetString(8),
        r.IsDBNull(9) ? null : r.GetString(9));
}
