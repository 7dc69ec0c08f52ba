using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Cli;

/// <summary><c>classify run --cluster</c> and <c>classify silo</c> through the real command line, in-process.</summary>
public sealed class ClusterCommandTests
{
    [Fact]
    public async Task Run_SeedsOnLocalCluster_SameArticlesStoriesAndLabelsAsPlainRun()
    {
        using var temp = new TempDirectory();
        var config = Path.Combine(RepoPaths.Root, "pipeline.json");
        var plain = Path.Combine(temp.Path, "plain");
        var clustered = Path.Combine(temp.Path, "cluster");

        var expected = await Support.Cli.Run("run", RepoPaths.Seeds, "--out", plain, "--config", config);
        var actual = await Support.Cli.Run("run", RepoPaths.Seeds, "--out", clustered, "--config", config, "--cluster", "local:3");

        Assert.True(expected.ExitCode == 0, expected.Error);
        Assert.True(actual.ExitCode == 0, actual.Error);
        foreach (var file in new[] { "articles.jsonl", "stories.jsonl", "rejected.jsonl" })
            Assert.Equal(File.ReadAllText(Path.Combine(plain, file)), File.ReadAllText(Path.Combine(clustered, file)));
    }

    [Fact]
    public async Task Run_BadClusterOptions_AllProblemsInOneMessage()
    {
        var result = await Support.Cli.Run("run", RepoPaths.Seeds, "--cluster", "local:99", "--tls", "missing.pfx", "--cluster-id", "no spaces");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("local:N takes 1 to 16 silos", result.Error);
        Assert.Contains("certificate file not found: 'missing.pfx'", result.Error);
        Assert.Contains("--cluster-id 'no spaces'", result.Error);
    }

    [Fact]
    public async Task Run_StateOnLocalCluster_RefusedWithReason()
    {
        var result = await Support.Cli.Run("run", RepoPaths.Seeds, "--cluster", "local:1", "--state", "corpus");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("keeps its state in memory for this run only", result.Error);
    }

    [Theory]
    [InlineData(new string[0], "needs --cluster redis=HOST:PORT")]
    [InlineData(new[] { "--cluster", "local:3" }, "joins a Redis cluster")]
    [InlineData(new[] { "--cluster", "redis=localhost" }, "redis=HOST:PORT takes a host and a port")]
    [InlineData(new[] { "--cluster", "redis=127.0.0.1:6379", "--address", "nowhere" }, "--address 'nowhere' is not an IP address")]
    public async Task Silo_BadOptions_ClearError(string[] args, string message)
    {
        var result = await Support.Cli.Run(["silo", .. args]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error);
    }
}
