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
        using var dir = new TempDirectory();
        dir.File("run/articles.jsonl", Articles);
        var gold = dir.File("gold.csv", "id,story\na,x\nb,x\nc,y\nd,y\ne,y\nf,z\n");

        var outcome = await Support.Cli.Run("eval", "stories", Path.Combine(dir.Path, "run"), "--gold", gold);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("articles           6 scored (1 without gold story, 0 gold ids not in the run)", outcome.Output);
        Assert.Contains("pairwise precision 0.5000", outcome.Output);
        Assert.Contains("pairwise F1        0.5000", outcome.Output);
        Assert.Contains("adjusted Rand      0.3182", outcome.Output);
    }

    [Fact]
    public async Task EvalStories_Fnc1Header_Accepted()
    {
        using var dir = new TempDirectory();
        var articles = dir.File("articles.jsonl", Articles);
        var gold = dir.File("stories.csv", "Body ID,Story ID\na,1\nb,1\nc,1\nd,2\ne,2\nf,3\n");

        var outcome = await Support.Cli.Run("eval", "stories", articles, "--gold", gold);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("pairwise F1        1.0000", outcome.Output);
        Assert.Contains("adjusted Rand      1.0000", outcome.Output);
    }

    [Fact]
    public async Task EvalStories_GoldWithoutStoryColumn_InputErrorNamingTheFile()
    {
        using var dir = new TempDirectory();
        var articles = dir.File("articles.jsonl", Articles);
        var gold = dir.File("bad.csv", "id,label\na,x\n");

        var outcome = await Support.Cli.Run("eval", "stories", articles, "--gold", gold);

        Assert.Equal(3, outcome.ExitCode);
        Assert.Contains("bad.csv line 1", outcome.Error);
    }
}
