using System.Text.Json;
using ClassifyPipeline.State;
using ClassifyPipeline.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClassifyPipeline.Tests.State;

public sealed class StateCliTests
{
    private static readonly DateTimeOffset T = StateTestData.Start;

    [Fact]
    public async Task Run_WithState_LaterBatchJoinsEarlierStoryAndKeepsItsId()
    {
        using var temp = new TempDirectory();
        var state = Path.Combine(temp.Path, "state");
        var text = "harbour bridge collapse ferry traffic diverted engineers inspect cables overnight";
        var one = StateTestData.WriteBatch(temp.Path, "one",
        [
            new TestArticle("x1", "Bridge collapse", text, T),
            new TestArticle("f1", "Markets", "stock markets rallied as technology shares climbed on strong earnings reports", T),
        ]);
        var two = StateTestData.WriteBatch(temp.Path, "two", [new TestArticle("x2", "Bridge collapse update", text + " as repairs begin", T.AddDays(1))]);

        var first = await Support.Cli.Run("run", one, "--out", Path.Combine(temp.Path, "out1"), "--state", state);
        var second = await Support.Cli.Run("run", two, "--out", Path.Combine(temp.Path, "out2"), "--state", state);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        var x1Story = Lines(Path.Combine(temp.Path, "out1", "articles.jsonl")).Single(a => a.GetProperty("id").GetString() == "x1").GetProperty("storyId").GetString();
        var x2 = Assert.Single(Lines(Path.Combine(temp.Path, "out2", "articles.jsonl")));
        Assert.Equal(x1Story, x2.GetProperty("storyId").GetString());
        Assert.Equal("x1", x2.GetProperty("duplicateOf").GetString());
        var story = Assert.Single(Lines(Path.Combine(temp.Path, "out2", "stories.jsonl")));
        Assert.Equal(x1Story, story.GetProperty("storyId").GetString());
        Assert.Equal("x1", story.GetProperty("lead").GetString());
        Assert.Equal(["x1", "x2"], story.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("Bridge collapse update", File.ReadAllText(Path.Combine(temp.Path, "out2", "report.md")));
    }

    [Fact]
    public async Task Run_StateHeldByAnotherRun_FailsWithExitCode5AfterTimeout()
    {
        using var temp = new TempDirectory();
        var state = Path.Combine(temp.Path, "state");
        var config = temp.File("pipeline.json", """{ "state": { "lockTimeoutSeconds": 1 } }""");
        var batch = StateTestData.WriteBatch(temp.Path, "one", [new TestArticle("a", "", "volcano erupts island evacuated", T)]);
        using var store = SqliteCorpusState.Open(state, new StateOptions());
        using var held = store.Begin();

        var outcome = await Support.Cli.Run("run", batch, "--out", Path.Combine(temp.Path, "out"), "--config", config, "--state", state);

        Assert.Equal(5, outcome.ExitCode);
        Assert.Contains("in use by another run", outcome.Error);
        Assert.False(File.Exists(Path.Combine(temp.Path, "out", "run.json")));
    }

    [Fact]
    public async Task Run_TwoRunsAtOnce_BothFinishAndStateEqualsSequentialRuns()
    {
        using var temp = new TempDirectory();
        var corpus = StateTestData.FncArticles(stories: 4);
        var a = StateTestData.WriteBatch(temp.Path, "a", corpus.Where((_, i) => i % 2 == 0));
        var b = StateTestData.WriteBatch(temp.Path, "b", corpus.Where((_, i) => i % 2 == 1));
        var state = Path.Combine(temp.Path, "state");
        var sequential = Path.Combine(temp.Path, "sequential");

        var config = temp.File("pipeline.json", """{ "state": { "lockTimeoutSeconds": 600 } }""");
        var runs = await Task.WhenAll(
            Task.Run(() => Support.Cli.Run("run", a, "--out", Path.Combine(temp.Path, "outA"), "--config", config, "--state", state)),
            Task.Run(() => Support.Cli.Run("run", b, "--out", Path.Combine(temp.Path, "outB"), "--config", config, "--state", state)));
        Assert.All(runs, r => Assert.Equal(0, r.ExitCode));
        Assert.Equal(0, (await Support.Cli.Run("run", a, "--out", Path.Combine(temp.Path, "seqA"), "--state", sequential)).ExitCode);
        Assert.Equal(0, (await Support.Cli.Run("run", b, "--out", Path.Combine(temp.Path, "seqB"), "--state", sequential)).ExitCode);
        // whichever run took the lock first: batches through the state are not exactly order-free (stored pairs keep
        // their own batch's IDF, docs/stories.md), so the concurrent state is one of the two sequential orders
        var reversed = Path.Combine(temp.Path, "reversed");
        Assert.Equal(0, (await Support.Cli.Run("run", b, "--out", Path.Combine(temp.Path, "revB"), "--state", reversed)).ExitCode);
        Assert.Equal(0, (await Support.Cli.Run("run", a, "--out", Path.Combine(temp.Path, "revA"), "--state", reversed)).ExitCode);

        var options = StateTestData.Options();
        var concurrent = StateTestData.Snapshot(state, options);
        var expected = StateTestData.Snapshot(sequential, options);
        Assert.Equal(corpus.Count, concurrent.DocumentCount);
        Assert.Contains(StateTestData.Partition(concurrent.StoryOf), new[] { StateTestData.Partition(expected.StoryOf), StateTestData.Partition(StateTestData.Snapshot(reversed, options).StoryOf) });
        Assert.Equal(expected.DocumentFrequency.OrderBy(p => p.Key, StringComparer.Ordinal), concurrent.DocumentFrequency.OrderBy(p => p.Key, StringComparer.Ordinal));
        StateTestData.AssertConsistent(concurrent);
    }

    [Fact]
    public async Task Run_StateOfAnotherSchemaVersion_ExitCode5WithOneClearMessage()
    {
        using var temp = new TempDirectory();
        var state = Path.Combine(temp.Path, "state");
        SqliteCorpusState.Open(state, new StateOptions()).Dispose();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(state, SqliteCorpusState.FileName)};Pooling=False"))
        {
            connection.Open();
            using var command = new SqliteCommand("UPDATE schema_version SET version = 99", connection);
            command.ExecuteNonQuery();
        }
        var batch = StateTestData.WriteBatch(temp.Path, "one", [new TestArticle("a", "", "volcano erupts island evacuated", T)]);

        var outcome = await Support.Cli.Run("run", batch, "--out", Path.Combine(temp.Path, "out"), "--state", state);

        Assert.Equal(5, outcome.ExitCode);
        Assert.Contains("schema version 99", outcome.Error);
    }

    [Fact]
    public async Task Run_StateWindowOutOfRange_ConfigurationError()
    {
        using var temp = new TempDirectory();
        var config = temp.File("pipeline.json", """{ "dedup": { "windowDays": -1 }, "state": { "lockTimeoutSeconds": 0 } }""");
        var batch = StateTestData.WriteBatch(temp.Path, "one", [new TestArticle("a", "", "volcano erupts island evacuated", T)]);

        var outcome = await Support.Cli.Run("run", batch, "--out", Path.Combine(temp.Path, "out"), "--config", config, "--state", Path.Combine(temp.Path, "state"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("dedup.windowDays", outcome.Error);
        Assert.Contains("state.lockTimeoutSeconds", outcome.Error);
    }

    private static List<JsonElement> Lines(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
}
