using System.CommandLine;
using ClassifyPipeline.Cli.Hosting;

namespace ClassifyPipeline.Cli.Commands;

/// <summary><c>classify eval ...</c>: scores a run's output against gold labels.</summary>
public static class EvalCommand
{
    public static Command Create(CliContext context) =>
        new("eval", "Score a run against gold labels")
        {
            EvalStoriesCommand.Create(context),
        };
}
