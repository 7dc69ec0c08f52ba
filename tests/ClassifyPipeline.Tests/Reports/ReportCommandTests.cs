using ClassifyPipeline.Reports;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Reports;

public sealed class ReportCommandTests
{
    private static async Task<string> RunFeeds(TempDirectory temp)
    {
        var input = Path.Combine(temp.Path, "in");
        temp.File("in/a.rss", Ingest.HostileInput.Rss(Ingest.HostileInput.Item(1) + Ingest.HostileInput.Item(2, date: "garbage")));
        temp.File("in/b.jsonl", "{\"id\":\"j1\",\"title\":\"<script>alert(1)</script>Harbour\",\"text\":\"The text of story 1 about the harbour.\",\"url\":\"https://b.example/1\",\"published\":\"2026-11-23T11:00:00Z\",\"source\":\"B\"}\n");
        File.Copy(Path.Combine(RepoPaths.Seeds, Directory.GetFiles(RepoPaths.Seeds)[0]), Path.Combine(input, "seed.txt"));
        var outDir = Path.Combine(temp.Path, "out");
        var outcome = await Support.Cli.Run("run", input, "--out", outDir);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        return outDir;
    }

    [Fact]
    public async Task Report_FinishedRun_RendersTheSameBytesAsTheRun()
    {
        using var temp = new TempDirectory();
        var outDir = await RunFeeds(temp);
        var md = File.ReadAllBytes(Path.Combine(outDir, "report.md"));
        var html = File.ReadAllBytes(Path.Combine(outDir, "report.html"));
        File.Delete(Path.Combine(outDir, "report.md"));
        File.Delete(Path.Combine(outDir, "report.html"));

        var outcome = await Support.Cli.Run("report", outDir);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Equal(Path.Combine(outDir, "report.html"), outcome.Output.Trim());
        Assert.Equal(md, File.ReadAllBytes(Path.Combine(outDir, "report.md")));
        Assert.Equal(html, File.ReadAllBytes(Path.Combine(outDir, "report.html")));
    }

    [Fact]
    public async Task Report_FolderWithoutRunJson_IsAnInputError()
    {
        using var temp = new TempDirectory();
        var outDir = await RunFeeds(temp);
        File.Delete(Path.Combine(outDir, "run.json"));

        var outcome = await Support.Cli.Run("report", outDir);

        Assert.Equal(3, outcome.ExitCode);
        Assert.Contains("run.json is missing", outcome.Error);
    }

    [Fact]
    public async Task Report_CorruptArticlesLine_NamesFileAndLine()
    {
        using var temp = new TempDirectory();
        var outDir = await RunFeeds(temp);
        File.AppendAllText(Path.Combine(outDir, "articles.jsonl"), "{not json\n");
        var lines = File.ReadAllLines(Path.Combine(outDir, "articles.jsonl")).Length;

        var outcome = await Support.Cli.Run("report", outDir);

        Assert.Equal(3, outcome.ExitCode);
        Assert.Contains($"articles.jsonl line {lines}", outcome.Error);
    }

    [Fact]
    public async Task Report_MissingFolder_IsAnInputError()
    {
        var outcome = await Support.Cli.Run("report", Path.Combine(Path.GetTempPath(), "no-such-run-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(3, outcome.ExitCode);
        Assert.Contains("run folder not found", outcome.Error);
    }

    [Fact]
    public async Task RunFolderReader_FinishedRun_ReadsArticlesStoriesAndRejections()
    {
        using var temp = new TempDirectory();
        var outDir = await RunFeeds(temp);

        var model = RunFolderReader.Read(outDir);

        Assert.Equal(4, model.Articles.Count);
        Assert.Contains(model.Articles, a => a.Id == "daily-2" && a.Published is null && a.Source == "The Daily");
        Assert.Contains(model.Articles, a => a.Id == "j1" && a.Title.StartsWith("<script>", StringComparison.Ordinal));
        Assert.Equal(model.Articles.Select(a => a.StoryId).Distinct().Order(), model.Stories.Select(s => s.Id).Order());
        Assert.Contains(model.Rejections, r => r.Reason.Contains("unreadable date 'garbage'"));
    }
}
