using System.CommandLine;
using ClassifyPipeline.Cli.Commands.Stance;
using ClassifyPipeline.Cli.Commands.Topic;
using ClassifyPipeline.Cli.Hosting;

namespace ClassifyPipeline.Cli.Commands;

/// <summary><c>classify train &lt;task&gt;</c>: one subcommand per model kind.</summary>
public static class TrainCommand
{
    public static Command Create(CliContext context) =>
        new("train", "Train a model from labeled data")
        {
            TrainTopicCommand.Create(context),
            TrainStanceCommand.Create(context),
        };
}
