using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Tools;

public sealed class ScaleCommandTests
{
    [Fact]
    public async Task Scale_ExhaustiveOnAGeneratedCorpus_StagesTimedAndJoinFindsEveryPair()
    {
        using var dir = new TempDirectory();
        var sources = dir.File("sources.jsonl", string.Join("\n", File.ReadLines(RepoPaths.BbcTrain).Where((_, i) => i % 20 == 0)) + "\n");
        var corpus = Path.Combine(dir.Path, "corpus.jsonl");
        Assert.Equal(0, (await ToolsCli.Run("generate", "corpus", sources, "--size", "400", "--out", corpus)).ExitCode);

        var outcome = await ToolsCli.Run("scale", corpus, "--exhaustive");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("dedup: story threshold 0.1875, link threshold 0.1, duplicate threshold 0.7, duplicate containment 0.65, window 7 days", outcome.Output);
        Assert.Contains(" pairs ≥ 0.1)", outcome.Output);
        Assert.Matches(@"\nclean\+analyze: \d+\.\d s wall\n", outcome.Output);
        Assert.Contains("400 articles, ", outcome.Output);
        Assert.Contains("join recall 1.00000)", outcome.Output);
    }

    [Fact]
    public async Task Scale_MissingInput_InputError()
    {
        var outcome = await ToolsCli.Run("scale", "/no/such/corpus.jsonl");

        Assert.Equal(3, outcome.ExitCode);
        Assert.Contains("/no/such/corpus.jsonl", outcome.Error);
    }
}
