using System.Text.Json;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Tools;

public sealed class GenerateFnc1CommandTests
{
    [Fact]
    public async Task GenerateFnc1_Bodies_OneJsonLinePerBodyInFileOrder()
    {
        using var dir = new TempDirectory();
        var bodies = dir.File("bodies.csv", "Body ID,articleBody\n5,\"Headline\nText.\"\n2,Short.\n");
        var output = Path.Combine(dir.Path, "out.jsonl");

        var outcome = await ToolsCli.Run("generate", "fnc1", bodies, "--out", output);

        Assert.Equal(0, outcome.ExitCode);
        var ids = File.ReadLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(["5", "2"], ids);
    }

    [Fact]
    public async Task GenerateFnc1_BadBodyId_InputErrorNamingTheLine()
    {
        using var dir = new TempDirectory();
        var bodies = dir.File("bodies.csv", "Body ID,articleBody\n1,a\nx,b\n");

        var outcome = await ToolsCli.Run("generate", "fnc1", bodies, "--out", Path.Combine(dir.Path, "out.jsonl"));

        Assert.Equal(3, outcome.ExitCode);
        Assert.Contains("bodies.csv, line 3", outcome.Error);
    }
}
