using System.CommandLine;
using ClassifyPipeline.Cli.Commands.Stance;
using ClassifyPipeline.Cli.Commands.Topic;
using ClassifyPipeline.Cli.Hosting;

namespace ClassifyPipeline.Cli.Commands;

/// <summary><c>classify eval &lt;task&gt;</c>: one subcommand per task (topic, stance, stories, extract).</summary>
public static class EvalCommand
{
    public static Command Create(CliContext context) =>
        new("eval", "Evaluate a model or a run: the standard metrics of each task")
        {
            EvalTopicCommand.Create(context),
            EvalStanceCommand.Create(context),
            EvalStoriesCommand.Create(context),
            EvalExtractCommand.Create(context),
        };
}
