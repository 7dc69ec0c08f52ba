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
        Assert.Contains("no threshold sweep: no run.json", outcome.Error);
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

    /// <summary>Runs <c>classify eval stories</c> on <see cref="Articles"/> (a run folder's articles.jsonl, or the file itself) against this gold CSV.</summary>
    private static async Task<CliOutcome> EvalStories(string goldName, string goldCsv, bool runFolder = false)
    {
        using var dir = new TempDirectory();
        var articles = dir.File(runFolder ? "run/articles.jsonl" : "articles.jsonl", Articles);
        var gold = dir.File(goldName, goldCsv);
        return await Support.Cli.Run("eval", "stories", runFolder ? Path.GetDirectoryName(articles)! : articles, "--gold", gold);
    }
}
