using System.Diagnostics;
using ClassifyPipeline.Corpus;
using ClassifyPipeline.State;
using ClassifyPipeline.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClassifyPipeline.Tests.State;

public sealed class SqliteCorpusStateTests
{
    [Fact]
    public void Begin_WhileAnotherRunHoldsTheState_FailsAfterTheTimeoutWithClearMessage()
    {
        using var temp = new TempDirectory();
        var options = new StateOptions { LockTimeoutSeconds = 1 };
        using var holder = SqliteCorpusState.Open(temp.Path, options);
        using var held = holder.Begin();
        using var second = SqliteCorpusState.Open(temp.Path, options);

        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<CorpusStateException>(() => second.Begin());
        Assert.Contains("in use by another run", e.Message);
        Assert.Contains("state.lockTimeoutSeconds", e.Message);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0.9, 8);
    }

    [Fact]
    public async Task Begin_OtherRunFinishesWithinTheTimeout_Waits()
    {
        using var temp = new TempDirectory();
        var options = new StateOptions { LockTimeoutSeconds = 30 };
        using var store = SqliteCorpusState.Open(temp.Path, options);
        var held = store.Begin();
        var waiting = Task.Run(() =>
        {
            using var session = store.Begin();
            session.SetSetting("who", "second");
            session.Commit();
        });
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted);
        held.SetSetting("who", "first");
        held.Commit();
        held.Dispose();
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        using var check = store.Begin();
        Assert.Equal("second", check.GetSetting("who"));
    }

    [Fact]
    public void Open_StateOfAnotherSchemaVersion_ClearError()
    {
        using var temp = new TempDirectory();
        SqliteCorpusState.Open(temp.Path, new StateOptions()).Dispose();
        Execute(temp.Path, "UPDATE schema_version SET version = 99");

        var e = Assert.Throws<CorpusStateException>(() => SqliteCorpusState.Open(temp.Path, new StateOptions()));
        Assert.Contains("schema version 99", e.Message);
        Assert.Contains("reads version 3", e.Message);
    }

    [Fact]
    public void Open_Version2State_MigratedWithEmptyThreadTables()
    {
        using var temp = new TempDirectory();
        SqliteCorpusState.Open(temp.Path, new StateOptions()).Dispose();
        Execute(temp.Path, "DROP TABLE story_summaries; DROP TABLE thread_aliases; UPDATE schema_version SET version = 2");

        using (var store = SqliteCorpusState.Open(temp.Path, new StateOptions()))
        using (var session = store.Begin())
        {
            Assert.Empty(session.LoadThreads().Stories);
            Assert.Empty(session.LoadThreads().Aliases);
        }
        using var connection = new SqliteConnection($"Data Source={Path.Combine(temp.Path, SqliteCorpusState.FileName)};Pooling=False");
        connection.Open();
        using var version = new SqliteCommand("SELECT version FROM schema_version", connection);
        Assert.Equal(3L, version.ExecuteScalar());
    }

    [Fact]
    public void Open_FileIsNotADatabase_ClearError()
    {
        using var temp = new TempDirectory();
        temp.File(SqliteCorpusState.FileName, new string('x', 4096));

        var e = Assert.Throws<CorpusStateException>(() => SqliteCorpusState.Open(temp.Path, new StateOptions()));
        Assert.Contains("not an SQLite database", e.Message);
    }

    [Fact]
    public void Open_OtherSqliteDatabase_ClearError()
    {
        using var temp = new TempDirectory();
        Execute(temp.Path, "CREATE TABLE notes (text TEXT)");

        var e = Assert.Throws<CorpusStateException>(() => SqliteCorpusState.Open(temp.Path, new StateOptions()));
        Assert.Contains("not a classify state", e.Message);
    }

    [Fact]
    public void Session_DisposedWithoutCommit_ChangesDiscarded()
    {
        using var temp = new TempDirectory();
        using var store = SqliteCorpusState.Open(temp.Path, new StateOptions());
        using (var session = store.Begin())
            session.SetSetting("k", "v");
        using var check = store.Begin();
        Assert.Null(check.GetSetting("k"));
    }

    [Fact]
    public void Open_NewState_UsesWriteAheadLog()
    {
        using var temp = new TempDirectory();
        SqliteCorpusState.Open(temp.Path, new StateOptions()).Dispose();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(temp.Path, SqliteCorpusState.FileName)};Pooling=False");
        connection.Open();
        using var command = new SqliteCommand("PRAGMA journal_mode", connection);
        Assert.Equal("wal", command.ExecuteScalar());
    }

    private static void Execute(string folder, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, SqliteCorpusState.FileName)};Pooling=False");
        connection.Open();
        using var command = new SqliteCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
