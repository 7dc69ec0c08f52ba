using ClassifyPipeline.Tests.Support;
using ClassifyPipeline.Tools.Scale;

namespace ClassifyPipeline.Tests.Tools;

public sealed class RepublicationScoreTests
{
    [Fact]
    public void Score_TwoOfThreeFoundOneWrong_PrecisionRecallF1()
    {
        using var dir = new TempDirectory();
        var gold = RepublicationScore.ReadGold(dir.File("c.gold.csv", "id,story,duplicateOf\ng0,t0,\ng1,t0,g0\ng2,t1,\ng3,t1,g2\ng4,t0,g0\n"));

        var score = RepublicationScore.Score([("g1", "g0"), ("g3", "g2"), ("g4", "g1")], gold);

        Assert.Equal(new RepublicationScore(3, 3, 2), score);
        Assert.Equal(2.0 / 3, score.Precision, 12);
        Assert.Equal(2.0 / 3, score.Recall, 12);
        Assert.Equal(2.0 / 3, score.F1, 12);
    }

    [Fact]
    public void Score_NothingFound_ZeroNotNaN()
    {
        var score = RepublicationScore.Score([], new HashSet<(string, string)> { ("a", "b") });

        Assert.Equal(0, score.F1);
    }

    [Fact]
    public async Task Scale_WithGold_PrintsRepublicationF1()
    {
        using var dir = new TempDirectory();
        var sources = dir.File("sources.jsonl", string.Join("\n", File.ReadLines(RepoPaths.BbcTrain).Where((_, i) => i % 20 == 0)) + "\n");
        var corpus = Path.Combine(dir.Path, "corpus.jsonl");
        Assert.Equal(0, (await ToolsCli.Run("generate", "corpus", sources, "--size", "300", "--out", corpus)).ExitCode);

        var outcome = await ToolsCli.Run("scale", corpus, "--gold", Path.Combine(dir.Path, "corpus.gold.csv"));

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Matches(@"re-publication pairs: \d+ found, \d+ gold, \d+ correct; precision \d\.\d{4}, recall \d\.\d{4}, F1 \d\.\d{4}", outcome.Output);
        Assert.Matches(@"  \[dedup\]( \(\d+ to do\))? from ", outcome.Output);
    }
}
