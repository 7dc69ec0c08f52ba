namespace ClassifyPipeline.State;

/// <summary>
/// The SQLite schema of a state (file <c>state.db</c> in the state folder). Times are UTC ticks (100 ns since
/// 0001-01-01). Bump <see cref="Version"/> on any incompatible change: a state of another version is refused with one
/// clear error.
/// <list type="bullet">
/// <item><c>terms</c>: the corpus vocabulary, dense ids, with document frequencies;</item>
/// <item><c>documents</c>: every article stored, its story and duplicate status; its terms (<c>bag</c>, a packed
/// <c>TermBag</c>) only while a later batch can still reach it;</item>
/// <item><c>edges</c>: similarity edges while a later batch can still reach one of their ends (<c>newest</c>: the later
/// end's window time);</item>
/// <item><c>stories</c>, <c>story_aliases</c>: story ids and the merged-away ids that resolve to them;</item>
/// <item><c>story_summaries</c>, <c>thread_aliases</c> (version 3): each live story's thread, dates, outlets and
/// profile, and the merged-away thread ids (<see cref="SqliteThreadStore"/>);</item>
/// <item><c>idf_epoch</c>: the document frequencies (terms held by a document) the IDF epoch was fitted on, with its
/// document count in the setting <c>idfEpochDocuments</c> (<see cref="Corpus.IdfEpoch"/>). Added without a version
/// change: a version 3 state without it holds no epoch, and its next batch creates it (<see cref="IdfEpochTable"/>);
/// an older classify ignores it.</item>
/// </list>
/// A version 2 state is migrated in place when opened (<see cref="MigrateFrom2"/>): the two thread tables are added,
/// empty, so its stories join threads as later batches touch them.
/// </summary>
internal static class StateSchema
{
    public const int Version = 3;

    public const string Create = """
        CREATE TABLE schema_version (version INTEGER NOT NULL);
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL, df INTEGER NOT NULL);
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            published TEXT,
            first_seen INTEGER NOT NULL,
            window_time INTEGER NOT NULL,
            story_id TEXT NOT NULL,
            duplicate_of TEXT,
            duplicate_similarity REAL,
            bag BLOB,
            bag_hash INTEGER NOT NULL,
            title TEXT,
            source TEXT);
        CREATE INDEX documents_window_time ON documents (window_time);
        CREATE INDEX documents_story_id ON documents (story_id);
        CREATE TABLE edges (a TEXT NOT NULL, b TEXT NOT NULL, cosine REAL NOT NULL, newest INTEGER NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
        """ + EdgeIndexes + """
        CREATE TABLE stories (id TEXT PRIMARY KEY, created INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE story_aliases (alias TEXT PRIMARY KEY, story_id TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX story_aliases_story_id ON story_aliases (story_id);
        """ + Threads + IdfEpochTable;

    /// <summary>The table of the IDF epoch's document frequencies (created by the first batch that fits an epoch on an older state).</summary>
    public const string IdfEpochTable = "CREATE TABLE IF NOT EXISTS idf_epoch (id INTEGER PRIMARY KEY, df INTEGER NOT NULL);";

    /// <summary>The secondary indexes of <c>edges</c>: by second end (a document's edges) and by later end's time (release).</summary>
    public const string EdgeIndexes = """
        CREATE INDEX edges_b ON edges (b);
        CREATE INDEX edges_newest ON edges (newest);
        """;

    /// <summary>Drops <see cref="EdgeIndexes"/> (inside a batch's transaction, before a bulk load into an empty table).</summary>
    public const string DropEdgeIndexes = "DROP INDEX edges_b; DROP INDEX edges_newest;";

    /// <summary>The tables version 3 added (threads).</summary>
    private const string Threads = """
        CREATE TABLE story_summaries (
            story_id TEXT PRIMARY KEY,
            thread_id TEXT NOT NULL,
            lead_id TEXT NOT NULL,
            lead_title TEXT,
            first INTEGER,
            last INTEGER,
            size INTEGER NOT NULL,
            outlets TEXT NOT NULL,
            first_outlet TEXT,
            profile TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX story_summaries_thread_id ON story_summaries (thread_id);
        CREATE TABLE thread_aliases (alias TEXT PRIMARY KEY, thread_id TEXT NOT NULL) WITHOUT ROWID;
        """;

    /// <summary>Brings a version 2 state to version 3: adds the thread tables (empty) and records the version.</summary>
    public const string MigrateFrom2 = Threads + "UPDATE schema_version SET version = 3;";
}
