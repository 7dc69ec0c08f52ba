using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class EvalStoriesCommandTests
{
    private const string Articles =
        """
        {"id":"a","storyId":"A"}
        {"id":"b","storyId":"A"}
        {"id":"c","storyId":"A"}
        {"id":"d","storyId":"B"}
        {"id":"e","storyId":"B"}
        {"id":"f","storyId":"C"}
        {"id":"extra","storyId":"C"}

        """;

    [Fact]
    public async Task EvalStories_RunFolderAndGold_PrintsPairwiseScoresAndAri()
    {
        var outcome = await EvalStories("gold.csv", "id,story\na,x\nb,x\nc,y\nd,y\ne,y\nf,z\n", runFolder: true);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("articles           6 scored (1 without gold story, 0 gold ids not in the run)", outcome.Output);
        Assert.Contains("pairwise precision 0.5000", outcome.Output);
        Assert.Contains("pairwise F1        0.5000", outcome.Output);
        Assert.Contains("adjusted Rand      0.3182", outcome.Output);
        Assert.Contains("95% confidence intervals (percentile bootstrap over the articles: 1000 resamples, seed 42):", outcome.Output);
        Assert.Matches(@"\n  pairwise F1        0\.5000  \[0\.\d{4}, [01]\.\d{4}\]\n  adjusted Rand      0\.3182  \[-?[01]\.\d{4}, [01]\.\d{4}\]", outcome.Output);
        Assert.Contains("no threshold sweep", outcome.Output);
    }

    [Fact]
    public async Task EvalStories_Fnc1Header_Accepted()
    {
        var outcome = await EvalStories("stories.csv", "Body ID,Story ID\na,1\nb,1\nc,1\nd,2\ne,2\nf,3\n");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("pairwise F1        1.0000", outcome.Output);
        Assert.Contains("adjusted Rand      1.0000", outcome.Output);
    }

    [Fact]
    public async Task EvalStories_GoldWithoutStoryColumn_InputErrorNamingTheFile()
    {
        var outcome = await EvalStories("bad.csv", "id,label\na,x\n");

        Assert.Equal(3, outcome.ExitCode);
        Assert.Contains("bad.csv line 1", outcome.Error);
    }

    [Fact]
    public async Task EvalStories_FinishedRun_PrintsThresholdSweepAndCrossValidation()
    {
        using var dir = new TempDirectory();
        var lines = new List<string>();
        var gold = new List<string> { "id,story" };
        string[][] stories =
        [
            ["volcano erupts island village ash evacuated", "volcano island ash cloud flights village"],
            ["election parliament vote coalition minister", "parliament coalition minister vote budget"],
            ["football final goal striker penalty cup", "striker goal penalty final cup league"],
            ["drought farmers harvest rain crops prices", "farmers crops harvest drought wheat prices"],
            ["satellite launch rocket orbit space agency", "rocket orbit satellite space launch pad"],
        ];
        for (var s = 0; s < stories.Length; s++)
        {
            for (var k = 0; k < stories[s].Length; k++)
            {
                lines.Add($$"""{"id":"a{{s}}{{k}}","title":"{{stories[s][k].Split(' ')[0]}}","text":"{{stories[s][k]}}"}""");
                gold.Add($"a{s}{k},g{s}");
            }
        }
        var input = dir.File("in.jsonl", string.Join("\n", lines) + "\n");
        var goldFile = dir.File("gold.csv", string.Join("\n", gold) + "\n");
        var config = dir.File("pipeline.json", """{"topic":{"trainingData":"none.jsonl"},"stance":{"enabled":false}}""");
        var runFolder = Path.Combine(dir.Path, "run");
        var run = await Support.Cli.Run("run", input, "--out", runFolder, "--config", config);
        Assert.True(run.ExitCode == 0, run.Error);

        var outcome = await Support.Cli.Run("eval", "stories", runFolder, "--gold", goldFile, "--thresholds", "0.1,0.2,0.9");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("threshold sweep (the run's configuration; * = configured storyThreshold):", outcome.Output);
        Assert.Matches(@"\n\s+0\.1875\*\s+\d\.\d{4}", outcome.Output);
        Assert.Matches(@"\n\s+0\.9000\s+1\.0000\s+0\.0000", outcome.Output); // nothing grouped: every pair precise, none found
        Assert.Contains("cross-validated threshold choice (5 folds of gold stories", outcome.Output);
        Assert.Contains("configured threshold: F1", outcome.Output);
    }

    /// <summary>Runs <c>classify eval stories</c> on <see cref="Articles"/> (a run folder's articles.jsonl, or the file itself) against this gold CSV.</summary>
    private static async Task<CliOutcome> EvalStories(string goldName, string goldCsv, bool runFolder = false)
    {
        using var dir = new TempDirectory();
        var articles = dir.File(runFolder ? "run/articles.jsonl" : "articles.jsonl", Articles);
        var gold = dir.File(goldName, goldCsv);
        return await Support.Cli.Run("eval", "stories", runFolder ? Path.GetDirectoryName(articles)! : articles, "--gold", gold);
    }
}
