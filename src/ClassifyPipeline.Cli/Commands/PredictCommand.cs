using System.CommandLine;
using ClassifyPipeline.Cli.Commands.Stance;
using ClassifyPipeline.Cli.Commands.Topic;
using ClassifyPipeline.Cli.Hosting;

namespace ClassifyPipeline.Cli.Commands;

/// <summary><c>classify predict &lt;task&gt;</c>: one subcommand per model kind.</summary>
public static class PredictCommand
{
    public static Command Create(CliContext context) =>
        new("predict", "Label articles with a trained model")
        {
            PredictTopicCommand.Create(context),
            PredictStanceCommand.Create(context),
        };
}
