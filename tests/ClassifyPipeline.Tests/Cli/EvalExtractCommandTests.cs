using System.Text.Json;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Cli;

/// <summary><c>classify eval extract</c> over the five vendored Readability pages (Data/pages, Apache-2.0).</summary>
public sealed class EvalExtractCommandTests
{
    private static string Pages => Path.Combine(RepoPaths.Root, "tests", "ClassifyPipeline.Tests", "Data", "pages");

    private static double Figure(string output, string line, string name)
    {
        var row = output.Split('\n').Single(l => l.StartsWith(line, StringComparison.Ordinal));
        var at = row.IndexOf(name + " ", StringComparison.Ordinal) + name.Length + 1;
        return double.Parse(row[at..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task EvalExtract_VendoredPages_ScoresTextDatesAndFields()
    {
        using var temp = new TempDirectory();
        var details = Path.Combine(temp.Path, "pages.jsonl");

        var result = await Support.Cli.Run("eval", "extract", Pages, "--details", details);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("pages            5 (0 gave no text)", result.Output);
        Assert.True(Figure(result.Output, "body text", "F1") > 0.9, result.Output);
        // four of the five pages state a date, and each is found on its day
        Assert.Contains("date, with a date precision 1.0000  recall 1.0000", result.Output);
        Assert.Equal(1.0, Figure(result.Output, "lang", "exact"));
        var rows = File.ReadAllLines(details).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5, rows.Count);
        Assert.Contains(rows, r => r.GetProperty("Page").GetString() == "tumblr" && r.GetProperty("FoundDate").GetString() == "2014-09-02");
    }

    [Fact]
    public async Task EvalExtract_LabeledPageWithoutFile_ExitsWithAnInputError()
    {
        using var temp = new TempDirectory();
        temp.File("pages/expected.jsonl", "{\"page\":\"missing\",\"text\":\"x\"}\n");

        var result = await Support.Cli.Run("eval", "extract", Path.Combine(temp.Path, "pages"));

        Assert.Equal(ExitCodes.Input, result.ExitCode);
        Assert.Contains("missing", result.Error);
    }

    [Fact]
    public async Task EvalExtract_LabelsNotJson_ExitsWithAnInputErrorNamingTheLine()
    {
        using var temp = new TempDirectory();
        temp.File("pages/expected.jsonl", "{\"page\":\"a\"}\n{broken\n");

        var result = await Support.Cli.Run("eval", "extract", Path.Combine(temp.Path, "pages"));

        Assert.Equal(ExitCodes.Input, result.ExitCode);
        Assert.Contains("line 2", result.Error);
    }

    [SkippableFact]
    public async Task EvalExtract_ReadabilityPages_DatesFoundWhereReadabilityFindsThem()
    {
        var folder = Path.Combine(RepoPaths.SharedData, "pages", "readability");
        Skip.IfNot(Directory.Exists(folder), $"the development data is not at {folder}");

        var result = await Support.Cli.Run("eval", "extract", folder);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(Figure(result.Output, "date, with a date", "F1") >= 0.95, result.Output);
        Assert.True(Figure(result.Output, "body text", "F1") >= 0.95, result.Output);
    }
}
