using System.CommandLine;
using System.Diagnostics;
using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Cli.Hosting;

namespace ClassifyPipeline.Cli.Commands.Stance;

/// <summary><c>classify predict stance --stances CSV --bodies CSV --model MODEL --out FILE</c>: FNC-1 submission CSV, input order.</summary>
public static class PredictStanceCommand
{
    public static Command Create(CliContext context)
    {
        var stances = StanceCommandSupport.Stances();
        var bodies = StanceCommandSupport.Bodies();
        var model = new Option<string>("--model") { Description = "A model written by 'classify train stance'", Required = true };
        var output = new Option<string>("--out") { Description = "The CSV to write (Headline,Body ID,Stance; one row per input row, input order)", Required = true };
        var command = new Command("stance", "Predict the stance of each headline–body pair of an FNC-1 stances file (its Stance column, if any, is ignored)")
        {
            stances, bodies, model, output,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.Run(context, ct =>
        {
            var loaded = StanceCommandSupport.LoadModel(parse.GetValue(model)!);
            var data = StanceCommandSupport.Read(parse.GetValue(stances)!, parse.GetValue(bodies)!, requireStances: false);
            var watch = Stopwatch.StartNew();
            var predictions = loaded.Predict(data.ToStancePairs(), ct);
            var seconds = watch.Elapsed.TotalSeconds;
            ct.ThrowIfCancellationRequested();
            var outPath = parse.GetValue(output)!;
            StanceCsvWriter.Write(outPath, data.Pairs, predictions.Select(p => p.Stance).ToList());
            context.Output.WriteLine(Path.GetFullPath(outPath));
            context.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{data.Pairs.Count} pairs in {seconds:F1} s ({data.Pairs.Count / Math.Max(seconds, 1e-9):F0} pairs/s) → {outPath}"));
            return Task.FromResult(ExitCodes.Ok);
        }, cancellationToken));
        return command;
    }
}
