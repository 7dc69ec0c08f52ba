using System.Diagnostics;
using ClassifyPipeline.State;
using ClassifyPipeline.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClassifyPipeline.Tests.State;

public sealed class SqliteStateStoreTests
{
    [Fact]
    public void Begin_WhileAnotherRunHoldsTheState_FailsAfterTheTimeoutWithClearMessage()
    {
        using var temp = new TempDirectory();
        var options = new StateOptions { LockTimeoutSeconds = 1 };
        using var holder = SqliteStateStore.Open(temp.Path, options);
        using var held = holder.Begin();
        using var second = SqliteStateStore.Open(temp.Path, options);

        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<StateException>(() => second.Begin());
        Assert.Contains("in use by another run", e.Message);
        Assert.Contains("state.lockTimeoutSeconds", e.Message);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0.9, 8);
    }

    [Fact]
    public async Task Begin_OtherRunFinishesWithinTheTimeout_Waits()
    {
        using var temp = new TempDirectory();
        var options = new StateOptions { LockTimeoutSeconds = 30 };
        using var store = SqliteStateStore.Open(temp.Path, options);
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
        SqliteStateStore.Open(temp.Path, new StateOptions()).Dispose();
        Execute(temp.Path, "UPDATE schema_version SET version = 99");

        var e = Assert.Throws<StateException>(() => SqliteStateStore.Open(temp.Path, new StateOptions()));
        Assert.Contains("schema version 99", e.Message);
        Assert.Contains("reads version 1", e.Message);
    }

    [Fact]
    public void Open_FileIsNotADatabase_ClearError()
    {
        using var temp = new TempDirectory();
        temp.File(SqliteStateStore.FileName, new string('x', 4096));

        var e = Assert.Throws<StateException>(() => SqliteStateStore.Open(temp.Path, new StateOptions()));
        Assert.Contains("not an SQLite database", e.Message);
    }

    [Fact]
    public void Open_OtherSqliteDatabase_ClearError()
    {
        using var temp = new TempDirectory();
        Execute(temp.Path, "CREATE TABLE notes (text TEXT)");

        var e = Assert.Throws<StateException>(() => SqliteStateStore.Open(temp.Path, new StateOptions()));
        Assert.Contains("not a classify state", e.Message);
    }

    [Fact]
    public void Session_DisposedWithoutCommit_ChangesDiscarded()
    {
        using var temp = new TempDirectory();
        using var store = SqliteStateStore.Open(temp.Path, new StateOptions());
        using (var session = store.Begin())
            session.SetSetting("k", "v");
        using var check = store.Begin();
        Assert.Null(check.GetSetting("k"));
    }

    [Fact]
    public void Open_NewState_UsesWriteAheadLog()
    {
        using var temp = new TempDirectory();
        SqliteStateStore.Open(temp.Path, new StateOptions()).Dispose();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(temp.Path, SqliteStateStore.FileName)};Pooling=False");
        connection.Open();
        using var command = new SqliteCommand("PRAGMA journal_mode", connection);
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void TermCounts_EncodeDecode_RoundTrip()
    {
        var counts = TermCounts.From(["zeta", "alpha", "zeta", "ünïcode", "alpha", "zeta"]);
        var decoded = TermCounts.Decode(counts.Encode());
        Assert.True(decoded.SameAs(counts));
        Assert.Equal(["alpha", "zeta", "ünïcode"], decoded.Terms);
        Assert.Equal([2, 3, 1], decoded.Counts);
        Assert.False(decoded.SameAs(TermCounts.From(["alpha", "zeta"])));
    }

    private static void Execute(string folder, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, SqliteStateStore.FileName)};Pooling=False");
        connection.Open();
        using var command = new SqliteCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
