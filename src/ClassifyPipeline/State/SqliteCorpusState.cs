using ClassifyPipeline.Corpus;
using Microsoft.Data.Sqlite;

namespace ClassifyPipeline.State;

/// <summary>
/// The corpus state in an embedded SQLite database, <c>state.db</c> in the state folder. WAL journal with full sync:
/// a batch's changes are one transaction, so a run killed at any point leaves the previous state. A batch
/// holds SQLite's write lock (<c>BEGIN IMMEDIATE</c>) from its first read to its commit, so a second run on
/// the same state waits up to <see cref="StateOptions.LockTimeoutSeconds"/> and then fails with a clear message.
/// </summary>
public sealed class SqliteCorpusState : ICorpusState
{
    public const string FileName = "state.db";

    /// <summary>
    /// The page cache's upper bound (KiB; SQLite's default is 2 MiB). A batch writes millions of index entries in one
    /// transaction: with a small cache, pages spill to the WAL before the commit and are written again when touched
    /// again. The cache grows only as pages are used.
    /// </summary>
    internal const int PageCacheKiB = 256 * 1024;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteNotADatabase = 26;

    private readonly string _connectionString;
    private readonly int _lockTimeoutSeconds;

    private SqliteCorpusState(string directory, StateOptions options)
    {
        Directory = directory;
        _lockTimeoutSeconds = options.LockTimeoutSeconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // a closed connection releases its file at once
            DefaultTimeout = options.LockTimeoutSeconds,
        }.ToString();
    }

    public string Directory { get; }

    /// <summary>Test hook: called at named points inside a batch's transaction ("documents", "statistics", "commit").</summary>
    internal Action<string>? FaultInjection { get; set; }

    /// <summary>Opens the state in <paramref name="directory"/>, creating it when the folder holds none.</summary>
    public static SqliteCorpusState Open(string directory, StateOptions options)
    {
        try
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CorpusStateException($"cannot create the state folder '{directory}': {e.Message}", e);
        }
        var store = new SqliteCorpusState(directory, options);
        store.Initialize();
        return store;
    }

    public ICorpusSession Begin(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = Connect();
        try
        {
            var transaction = BeginImmediate(connection);
            return new SqliteCorpusSession(connection, transaction, FaultInjection, Directory);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Reads the whole state (for inspection and tests).</summary>
    public StateSnapshot Snapshot()
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: true);
        using var session = new SqliteCorpusSession(connection, transaction, null, Directory);
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var stories = new List<string>();
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        var df = new Dictionary<string, long>(StringComparer.Ordinal);
        var (bags, edges) = (0, 0);
        session.ForEach("SELECT id, story_id, bag IS NOT NULL FROM documents", r =>
        {
            storyOf.Add(r.GetString(0), r.GetString(1));
            bags += r.GetBoolean(2) ? 1 : 0;
        });
        session.ForEach("SELECT id FROM stories ORDER BY id", r => stories.Add(r.GetString(0)));
        session.ForEach("SELECT alias, story_id FROM story_aliases", r => aliases.Add(r.GetString(0), r.GetString(1)));
        session.ForEach("SELECT term, df FROM terms WHERE df > 0", r => df.Add(r.GetString(0), r.GetInt64(1)));
        session.ForEach("SELECT count(*) FROM edges", r => edges = r.GetInt32(0));
        return new StateSnapshot(session.LoadVocabulary().DocumentCount, df, storyOf, aliases, stories, bags, edges);
    }

    public void Dispose()
    {
    }

    private void Initialize()
    {
        try
        {
            using var connection = Connect();
            if (CheckSchema(connection, transaction: null))
                return;
            // a new state: create the schema under the write lock, unless a concurrent run just did
            using var transaction = BeginImmediate(connection);
            if (!CheckSchema(connection, transaction))
            {
                using var create = new SqliteCommand(StateSchema.Create + $"INSERT INTO schema_version (version) VALUES ({StateSchema.Version});", connection, transaction);
                create.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        catch (SqliteException e)
        {
            throw Translate(e);
        }
    }

    /// <summary>False for an empty database; true for a state of this version; else a clear error.</summary>
    private bool CheckSchema(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        using (var command = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table'", connection, transaction))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                tables.Add(reader.GetString(0));
        }
        if (tables.Count == 0)
            return false;
        if (!tables.Contains("schema_version"))
            throw new CorpusStateException($"'{Path.Combine(Directory, FileName)}' is an SQLite database but not a classify state (it has no schema_version table)");
        using var version = new SqliteCommand("SELECT version FROM schema_version", connection, transaction);
        var found = version.ExecuteScalar();
        if (found is long old && old == 2)
        {
            Migrate(connection, transaction);
            return true;
        }
        if (found is not long v || v != StateSchema.Version)
            throw new CorpusStateException($"the state in '{Directory}' has schema version {found ?? "none"}, but this classify reads version {StateSchema.Version}; use a new --state folder, or the classify version that wrote it");
        return true;
    }

    /// <summary>Migrates a version 2 state to this version under the write lock (unless a concurrent run just did).</summary>
    private static void Migrate(SqliteConnection connection, SqliteTransaction? outer)
    {
        if (outer is not null)
        {
            using var inside = new SqliteCommand(StateSchema.MigrateFrom2, connection, outer);
            inside.ExecuteNonQuery();
            return;
        }
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var check = new SqliteCommand("SELECT version FROM schema_version", connection, transaction))
        {
            if (check.ExecuteScalar() is long v && v == StateSchema.Version)
                return;
        }
        using (var migrate = new SqliteCommand(StateSchema.MigrateFrom2, connection, transaction))
            migrate.ExecuteNonQuery();
        transaction.Commit();
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = $"PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -{PageCacheKiB};";
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Translate(e);
        }
    }

    private SqliteTransaction BeginImmediate(SqliteConnection connection)
    {
        try
        {
            return connection.BeginTransaction(deferred: false);
        }
        catch (SqliteException e)
        {
            throw Translate(e);
        }
    }

    private CorpusStateException Translate(SqliteException e) => e.SqliteErrorCode switch
    {
        SqliteBusy or SqliteLocked => new CorpusStateException(
            $"the state in '{Directory}' is in use by another run; gave up after waiting {_lockTimeoutSeconds} s (state.lockTimeoutSeconds)", e),
        SqliteNotADatabase => new CorpusStateException($"'{Path.Combine(Directory, FileName)}' is not a classify state (not an SQLite database)", e),
        _ => new CorpusStateException($"the state in '{Directory}' cannot be used: {e.Message}", e),
    };
}
