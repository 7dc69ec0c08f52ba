using ClassifyPipeline.Reports;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Reports;

public sealed class MarkdownReportTests
{
    private static string GoldenPath => Path.Combine(RepoPaths.Root, "tests", "ClassifyPipeline.Tests", "Reports", "Golden", "seeds-report.md");

    [Fact]
    public void Write_SampleModel_EscapesAndSummarises()
    {
        var w = new StringWriter();
        MarkdownReport.Write(w, ReportSamples.Model());
        var md = w.ToString();

        Assert.Contains("- Articles: 7", md);
        Assert.Contains("| economy | 4 |", md);
        Assert.Contains("| agree | 2 |", md);
        Assert.Contains("### #1 Harbour reopens to cargo ships", md);
        Assert.Contains("- daily `h1` → wire `h2` (0.970), blog `h4` (0.910)", md);
        Assert.Contains("&lt;script&gt;", md);
        Assert.DoesNotContain("<script", md);
        Assert.Contains("- `feed.rss` item 3 (line 40): malformed item: &lt;oops&gt; &amp; more", md);
        Assert.DoesNotContain("/abs/path", md);
    }

    /// <summary>
    /// Pins report.md for the seeds. After an intended change to the pipeline or the report, regenerate with
    /// <c>UPDATE_GOLDEN=1 dotnet test tests/ClassifyPipeline.Tests -c Release --filter "FullyQualifiedName~MarkdownReportTests"</c>
    /// and review the diff of tests/ClassifyPipeline.Tests/Reports/Golden/seeds-report.md before committing it.
    /// </summary>
    [Fact]
    public async Task Run_Seeds_ReportMatchesGoldenFile()
    {
        using var temp = new TempDirectory();
        var outcome = await Support.Cli.Run("run", RepoPaths.Seeds, "--out", temp.Path, "--config", Path.Combine(RepoPaths.Root, "pipeline.json"));
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var actual = File.ReadAllText(Path.Combine(temp.Path, "report.md")).ReplaceLineEndings("\n");

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            File.WriteAllText(GoldenPath, actual);

        Assert.True(File.Exists(GoldenPath), $"golden file missing: {GoldenPath} (create it with UPDATE_GOLDEN=1)");
        Assert.Equal(File.ReadAllText(GoldenPath).ReplaceLineEndings("\n"), actual);
        Assert.DoesNotContain(RepoPaths.Root, actual);
    }
}
