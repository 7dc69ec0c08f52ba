using System.CommandLine;
using ClassifyPipeline.Cli;
using ClassifyPipeline.Cli.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Tests.Cli;

/// <summary>An unknown option is named as one, with the nearest valid option, on every command: also where an argument would take it as a path.</summary>
public sealed class UnknownOptionTests
{
    [Fact]
    public async Task Run_UnknownOptionAfterInputs_NamedWithNearestOptionNotTakenAsInput()
    {
        var outcome = await Support.Cli.Run("run", "seeds", "--bogus");

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.Contains("Unrecognized option '--bogus' for 'classify run'. Did you mean '--out'?", outcome.Error);
        Assert.DoesNotContain("input not found", outcome.Error);
    }

    [Fact]
    public async Task Run_MisspeltOptionBeforeInputs_NearestOptionSuggested()
    {
        var outcome = await Support.Cli.Run("run", "--confg", "pipeline.json", "seeds");

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.Contains("Unrecognized option '--confg' for 'classify run'. Did you mean '--config'?", outcome.Error);
    }

    [Fact]
    public async Task Report_UnknownOptionInPlaceOfTheRunFolder_NamedAsAnOption()
    {
        var outcome = await Support.Cli.Run("report", "--bogus");

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.Contains("Unrecognized option '--bogus' for 'classify report'.", outcome.Error);
        Assert.DoesNotContain("not found", outcome.Error);
    }

    [Fact]
    public async Task Run_DashPathAfterDoubleDash_TakenAsAnInput()
    {
        var outcome = await Support.Cli.Run("run", "--", "--no-such-file");

        Assert.Equal(ExitCodes.Input, outcome.ExitCode);
        Assert.Contains("input not found: '--no-such-file'", outcome.Error);
        Assert.DoesNotContain("Unrecognized", outcome.Error);
    }

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var path in Leaves(CliApp.Build(Context()), []))
            data.Add(path);
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task EveryCommand_MisspeltOption_NamedAsUnrecognizedWithTheIntendedOneSuggested(string path)
    {
        var command = Find(CliApp.Build(Context()), path.Split(' '));
        var intended = command.Options.FirstOrDefault(o => o.Name != "--help")?.Name ?? "--verbose";
        var typo = intended + "x";

        var outcome = await Support.Cli.Run([.. path.Split(' '), typo]);

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        var all = outcome.Error + outcome.Output;
        Assert.Contains($"Unrecognized", all);
        Assert.Contains($"'{typo}'", all);
        Assert.Matches($"Did you mean[^\\n]*\\n?[^\\n]*{System.Text.RegularExpressions.Regex.Escape(intended)}", all);
    }

    private static CliContext Context() => new(TextWriter.Null, TextWriter.Null, NullLoggerFactory.Instance, TimeProvider.System);

    private static IEnumerable<string> Leaves(Command command, List<string> path)
    {
        foreach (var sub in command.Subcommands)
        {
            List<string> next = [.. path, sub.Name];
            if (sub.Subcommands.Count == 0)
                yield return string.Join(' ', next);
            else
                foreach (var leaf in Leaves(sub, next))
                    yield return leaf;
        }
    }

    private static Command Find(Command root, string[] path) =>
        path.Aggregate(root, (c, name) => c.Subcommands.Single(s => s.Name == name));
}
