using System.Text.Json;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Cli;

/// <summary>The real CLI over seeds/: the metadata each seed states comes out of <c>run</c> and <c>extract</c> alike.</summary>
public sealed class ExtractCommandTests
{
    // seed → published, source, author (as the issue states them; a date alone stays a date)
    private static readonly Dictionary<string, (string? Published, string? Source, string? Author)> SeedMetadata = new()
    {
        ["000"] = ("2014-02-02", null, null),
        ["001"] = ("2016-10-15T03:01:00", "USPA NEWS", null),
        ["002"] = ("2013-05-09", null, null),
        ["003"] = ("2013-05-07", "Los Angeles Times", "Sergei L. Loiko, Paul Richter"),
        ["004"] = (null, null, null),
    };

    private static List<JsonElement> ReadLines(string text) =>
        text.Split('\n').Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static void AssertSeedMetadata(List<JsonElement> articles)
    {
        Assert.Equal(5, articles.Count);
        foreach (var a in articles)
        {
            var (published, source, author) = SeedMetadata[a.GetProperty("id").GetString()![..3]];
            Assert.Equal(published, a.GetProperty("published").GetString());
            Assert.Equal(source, a.GetProperty("source").GetString());
            Assert.Equal(author, a.GetProperty("author").GetString());
        }
    }

    [Fact]
    public async Task Run_Seeds_ArticlesCarryTheDatesOutletsAndAuthorsTheirTextsState()
    {
        using var temp = new TempDirectory();
        var outDir = Path.Combine(temp.Path, "run");

        var result = await Support.Cli.Run("run", RepoPaths.Seeds, "--out", outDir, "--config", Path.Combine(RepoPaths.Root, "pipeline.json"));

        Assert.True(result.ExitCode == 0, result.Error);
        var articles = ReadLines(File.ReadAllText(Path.Combine(outDir, "articles.jsonl")));
        AssertSeedMetadata(articles);
        Assert.DoesNotContain(articles, a => a.GetProperty("source").GetString() == "seeds");
    }

    [Fact]
    public async Task Extract_Seeds_WritesOneLinePerArticleWithMetadataAndCleanText()
    {
        using var temp = new TempDirectory();
        var outFile = Path.Combine(temp.Path, "out", "seeds.jsonl");

        var result = await Support.Cli.Run("extract", RepoPaths.Seeds, "--out", outFile);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Output);
        Assert.Contains("5 articles, 0 rejected", result.Error);
        var articles = ReadLines(File.ReadAllText(outFile));
        AssertSeedMetadata(articles);
        string[] keys = ["id", "title", "text", "source", "author", "url", "published", "modified", "lang", "input"];
        Assert.All(articles, a => Assert.Equal(keys, a.EnumerateObject().Select(p => p.Name)));
        var lavrov = articles.Single(a => a.GetProperty("id").GetString()!.StartsWith("003", StringComparison.Ordinal));
        Assert.Equal("U.S. and Russia to seek Syria peace talks", lavrov.GetProperty("title").GetString());
        Assert.StartsWith("It's unclear whether", lavrov.GetProperty("text").GetString());
        Assert.DoesNotContain("|By Sergei", lavrov.GetProperty("text").GetString());
        Assert.EndsWith("003_9a3014ad8f2803c4.txt", lavrov.GetProperty("input").GetProperty("file").GetString());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(outFile)!, "*.tmp"));
    }

    [Fact]
    public async Task Extract_WithoutOut_WritesTheLinesToStdout()
    {
        var result = await Support.Cli.Run("extract", Path.Combine(RepoPaths.Seeds, "002_d26f5ab70bfd6cb2.txt"));

        Assert.True(result.ExitCode == 0, result.Error);
        var line = Assert.Single(ReadLines(result.Output));
        Assert.Equal("Kerry pushes Syria peace talks with Russian FM", line.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Extract_EveryInputRejected_ExitsWithAnInputError()
    {
        using var temp = new TempDirectory();
        temp.File("in/empty.txt", "");
        var outFile = Path.Combine(temp.Path, "out.jsonl");

        var result = await Support.Cli.Run("extract", Path.Combine(temp.Path, "in"), "--out", outFile);

        Assert.Equal(ExitCodes.Input, result.ExitCode);
        Assert.Contains("every input was rejected", result.Error);
    }

    [Fact]
    public async Task Extract_MissingInput_ExitsWithAnInputError()
    {
        var result = await Support.Cli.Run("extract", "/no/such/folder/anywhere");

        Assert.Equal(ExitCodes.Input, result.ExitCode);
    }
}
