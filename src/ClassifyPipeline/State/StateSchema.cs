namespace ClassifyPipeline.State;

/// <summary>
/// The SQLite schema of a state (file <c>state.db</c> in the state folder). Times are UTC ticks (100 ns since
/// 0001-01-01), so Dedup's canonical order of stored and new articles is exact. Bump <see cref="Version"/>
/// on any incompatible change: a state of another version is refused with one clear error.
/// </summary>
internal static class StateSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE schema_version (version INTEGER NOT NULL);
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            published INTEGER,
            first_seen INTEGER NOT NULL,
            window_time INTEGER NOT NULL,
            story_id TEXT NOT NULL,
            terms BLOB NOT NULL,
            title TEXT);
        CREATE INDEX articles_window_time ON articles (window_time);
        CREATE INDEX articles_story_id ON articles (story_id);
        CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE stories (id TEXT PRIMARY KEY, created INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE story_aliases (alias TEXT PRIMARY KEY, story_id TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX story_aliases_story_id ON story_aliases (story_id);
        """;
}
