using System.CommandLine;
using System.Diagnostics;
using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Cli.Hosting;

namespace ClassifyPipeline.Cli.Commands.Stance;

/// <summary><c>classify train stance --stances CSV --bodies CSV --out MODEL [--train-ids FILE]</c>.</summary>
public static class TrainStanceCommand
{
    public static Command Create(CliContext context)
    {
        var stances = StanceCommandSupport.Stances();
        var bodies = StanceCommandSupport.Bodies();
        var output = new Option<string>("--out") { Description = "The model file to write", Required = true };
        var trainIds = new Option<string?>("--train-ids") { Description = "Train only on the pairs whose Body ID is listed in this file (one per line)" };
        var config = StanceCommandSupport.Config();
        var command = new Command("stance", "Train a stance model (agree, disagree, discuss, unrelated) on FNC-1 format data")
        {
            stances, bodies, output, trainIds, config,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.Run(context, ct =>
        {
            var options = StanceCommandSupport.Options(parse.GetValue(config));
            var stancesPath = parse.GetValue(stances)!;
            var data = StanceCommandSupport.Read(stancesPath, parse.GetValue(bodies)!, requireStances: true);
            if (parse.GetValue(trainIds) is { } idsPath)
                data = StanceCommandSupport.Subset(data, StanceCommandSupport.ReadIds(idsPath), idsPath);
            var watch = Stopwatch.StartNew();
            var model = new StanceEstimator(options).Fit(data, ct);
            var seconds = watch.Elapsed.TotalSeconds;
            var outPath = parse.GetValue(output)!;
            model.Save(outPath);
            context.Output.WriteLine(Path.GetFullPath(outPath));
            context.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"trained on {data.Pairs.Count} pairs in {seconds:F1} s → {outPath}"));
            return Task.FromResult(ExitCodes.Ok);
        }, cancellationToken));
        return command;
    }
}
