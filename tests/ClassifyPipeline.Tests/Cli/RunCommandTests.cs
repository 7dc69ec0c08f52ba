using System.Text.Json;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Reports;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Cli;

/// <summary>The real CLI, in-process: <c>classify run</c> end to end over seeds/ and its error paths.</summary>
public sealed class RunCommandTests
{
    private static readonly string[] SeedHeadlines =
    [
        "Get Syria back to peace talks, U.N. says",
        "U.S. broadens Syria talks after failure of truce deal with Russia",
        "Kerry pushes Syria peace talks with Russian FM",
        "U.S. and Russia to seek Syria peace talks",
        "Syria Peace Talks Expected to Start 'in next Few Days', Says Lavrov",
    ];

    private static List<JsonElement> ReadLines(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public async Task Run_Seeds_WritesTheRunFolderWithRealHeadlines()
    {
        using var temp = new TempDirectory();
        var outDir = Path.Combine(temp.Path, "run");
        var result = await Support.Cli.Run("run", RepoPaths.Seeds, "--out", outDir, "--config", Path.Combine(RepoPaths.Root, "pipeline.json"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(Path.GetFullPath(outDir), result.Output.Trim());
        foreach (var file in RunFolderWriter.Files)
            Assert.True(File.Exists(Path.Combine(outDir, file)), file + " missing");

        var articles = ReadLines(Path.Combine(outDir, "articles.jsonl"));
        Assert.Equal(5, articles.Count);
        Assert.Equal(SeedHeadlines.Order(StringComparer.Ordinal), articles.Select(a => a.GetProperty("title").GetString()!).Order(StringComparer.Ordinal));
        string[] required = ["id", "title", "source", "url", "published", "topic", "topics", "stance", "storyId", "duplicateOf", "similarity"];
        Assert.All(articles, a => Assert.All(required, key => Assert.True(a.TryGetProperty(key, out _), key)));

        var stories = ReadLines(Path.Combine(outDir, "stories.jsonl"));
        var members = stories.SelectMany(s => s.GetProperty("members").EnumerateArray().Select(m => m.GetString())).Order().ToList();
        Assert.Equal(articles.Select(a => a.GetProperty("id").GetString()).Order().ToList(), members);
        Assert.All(articles, a => Assert.Contains(stories, s => s.GetProperty("storyId").GetString() == a.GetProperty("storyId").GetString()));

        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "run.json"))).RootElement;
        Assert.Equal(5, manifest.GetProperty("counts").GetProperty("articles").GetInt32());
        Assert.Equal(0.1875, manifest.GetProperty("configuration").GetProperty("dedup").GetProperty("storyThreshold").GetDouble());
        Assert.Contains(SeedHeadlines[2], File.ReadAllText(Path.Combine(outDir, "report.md")));
        Assert.Contains(System.Net.WebUtility.HtmlEncode(SeedHeadlines[4]), File.ReadAllText(Path.Combine(outDir, "report.html")));
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Run_SameInputTwiceInAnyOrder_GivesTheSameBytes()
    {
        using var temp = new TempDirectory();
        var seeds = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).ToArray();
        var a = Path.Combine(temp.Path, "a");
        var b = Path.Combine(temp.Path, "b");
        Assert.Equal(0, (await Support.Cli.Run(["run", .. seeds, "--out", a])).ExitCode);
        Assert.Equal(0, (await Support.Cli.Run(["run", .. seeds.Reverse(), "--out", b])).ExitCode);
        foreach (var file in new[] { "articles.jsonl", "stories.jsonl", "report.md", "report.html" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
    }

    [Fact]
    public async Task Run_BadRecordsAmongGoodOnes_RejectsThemAndGoesOn()
    {
        using var temp = new TempDirectory();
        temp.File("in/feed.jsonl", "{\"id\":\"j1\",\"title\":\"Good\",\"text\":\"Some text about talks\"}\n{broken\n");
        temp.File("in/rows.csv", "id,text\nc1,\"fine row\"\nc2\n");
        temp.File("in/empty.txt", "");
        temp.File("in/junk.txt", new byte[] { 0, 1, 2, 3, 0, 0 });
        var outDir = Path.Combine(temp.Path, "out");

        var result = await Support.Cli.Run("run", Path.Combine(temp.Path, "in"), "--out", outDir);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(2, ReadLines(Path.Combine(outDir, "articles.jsonl")).Count);
        var rejected = ReadLines(Path.Combine(outDir, "rejected.jsonl"));
        Assert.Equal(4, rejected.Count);
        Assert.Contains(rejected, r => r.GetProperty("input").GetString()!.EndsWith("feed.jsonl") && r.GetProperty("location").GetString() == "line 2");
        Assert.Contains(rejected, r => r.GetProperty("input").GetString()!.EndsWith("rows.csv") && r.GetProperty("location").GetString() == "line 3");
        Assert.Contains(rejected, r => r.GetProperty("input").GetString()!.EndsWith("empty.txt"));
        Assert.Contains(rejected, r => r.GetProperty("input").GetString()!.EndsWith("junk.txt"));
    }

    [Fact]
    public async Task Run_EveryInputRejected_ExitsWithTheInputErrorAndWritesNoRunFolder()
    {
        using var temp = new TempDirectory();
        temp.File("in/a.jsonl", "{broken\n[1]\n");
        temp.File("in/b.txt", "");
        temp.File("in/c.rss", "<rss><channel><title>No items</title></channel></rss>");
        var outDir = Path.Combine(temp.Path, "out");

        var result = await Support.Cli.Run("run", Path.Combine(temp.Path, "in"), "--out", outDir);

        Assert.Equal(ExitCodes.Input, result.ExitCode);
        Assert.Contains("every input was rejected: no article could be read from 3 file(s), 4 rejection(s)", result.Error);
        Assert.Contains("a.jsonl line 1: malformed JSON", result.Error);
        Assert.Contains("and 1 more", result.Error);
        Assert.Contains($"Nothing was written to '{outDir}'", result.Error);
        Assert.Equal("", result.Output);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Run_EveryInputRejected_LeavesAnEarlierRunFolderAsItWas()
    {
        using var temp = new TempDirectory();
        var outDir = Path.Combine(temp.Path, "out");
        Assert.Equal(0, (await Support.Cli.Run("run", RepoPaths.Seeds, "--out", outDir)).ExitCode);
        var before = RunFolderWriter.Files.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(outDir, f)));

        var result = await Support.Cli.Run("run", temp.File("in/a.jsonl", "{broken\n"), "--out", outDir);

        Assert.Equal(ExitCodes.Input, result.ExitCode);
        Assert.All(RunFolderWriter.Files, f => Assert.Equal(before[f], File.ReadAllBytes(Path.Combine(outDir, f))));
    }

    [Fact]
    public async Task Run_MisspelledConfigKey_FailsNamingItAndWritesNothing()
    {
        using var temp = new TempDirectory();
        var config = temp.File("pipeline.json", """{ "dedup": { "storyTreshold": 0.4 } }""");
        var outDir = Path.Combine(temp.Path, "out");

        var result = await Support.Cli.Run("run", RepoPaths.Seeds, "--out", outDir, "--config", config);

        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        Assert.Contains("unknown key 'dedup.storyTreshold'", result.Error);
        Assert.Contains("storyThreshold", result.Error);
        Assert.Equal("", result.Output);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Run_MissingInput_IsAnInputError()
    {
        var result = await Support.Cli.Run("run", "/no/such/folder", "--out", Path.Combine(Path.GetTempPath(), "never"));
        Assert.Equal(ExitCodes.Input, result.ExitCode);
        Assert.Contains("input not found: '/no/such/folder'", result.Error);
    }

    [Fact]
    public async Task Run_MissingConfigFile_IsAConfigurationError()
    {
        var result = await Support.Cli.Run("run", RepoPaths.Seeds, "--config", "/no/such/pipeline.json");
        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        Assert.Contains("configuration file not found", result.Error);
    }

    [Fact]
    public async Task Invoke_UnknownCommandOrNoInput_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, (await Support.Cli.Run("frobnicate")).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await Support.Cli.Run("run")).ExitCode);
    }

    [Fact]
    public async Task Run_Cancelled_StopsWithoutWriting()
    {
        using var temp = new TempDirectory();
        var outDir = Path.Combine(temp.Path, "out");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ClassifyPipeline.Cli.CliApp.InvokeAsync(["run", RepoPaths.Seeds, "--out", outDir], output, error,
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, cancel.Token);
        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.False(File.Exists(Path.Combine(outDir, "run.json")));
    }
}
