using ClassifyPipeline.IO;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Evaluation;

namespace ClassifyPipeline.Cli.Commands.Stance;

/// <summary>
/// <c>classify eval stance</c>: scores a saved model (<c>--model</c>, optionally on <c>--ids</c>), or trains on
/// <c>--train-ids</c> and scores on <c>--test-ids</c> in-process, or cross-validates within <c>--train-ids</c>
/// with folds grouped by story (<c>--cv K --stories FILE</c>, <see cref="StanceCrossValidation"/>). Every score
/// comes with its bootstrap interval over the scored pairs.
/// </summary>
public static class EvalStanceCommand
{
    public static Command Create(CliContext context)
    {
        var stances = StanceCommandSupport.Stances();
        var bodies = StanceCommandSupport.Bodies();
        var model = new Option<string?>("--model") { Description = "A model written by 'classify train stance' (else one is trained on --train-ids)" };
        var ids = new Option<string?>("--ids", "--test-ids") { Description = "Score only the pairs whose Body ID is listed in this file" };
        var trainIds = new Option<string?>("--train-ids") { Description = "Train in-process on the pairs whose Body ID is listed here, then score --test-ids (or cross-validate with --cv)" };
        var folds = new Option<int>("--cv") { Description = "Cross-validate within --train-ids with this many folds, grouped by story (needs --stories)" };
        var stories = new Option<string?>("--stories") { Description = "CSV 'Body ID,Story ID' grouping bodies into stories, for --cv" };
        var oof = new Option<string?>("--oof") { Description = "With --cv: write each held-out pair's out-of-fold probabilities to this CSV (line, body id, fold, gold, agree, disagree, discuss, unrelated)" };
        var config = StanceCommandSupport.Config();
        var command = new Command("stance", "Score stance predictions against FNC-1 gold labels: FNC-1 relative score, macro-F1, per-class F1, confusion matrix, bootstrap intervals")
        {
            stances, bodies, model, ids, trainIds, folds, stories, oof, config,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.Run(context, ct =>
        {
            var stancesPath = parse.GetValue(stances)!;
            var modelPath = parse.GetValue(model);
            var trainPath = parse.GetValue(trainIds);
            var testPath = parse.GetValue(ids);
            var k = parse.GetValue(folds);
            if ((modelPath is null) == (trainPath is null))
                throw new CliError(ExitCodes.Usage, "give either --model or --train-ids");
            if (k != 0 && (k < 2 || trainPath is null || parse.GetValue(stories) is null || testPath is not null))
                throw new CliError(ExitCodes.Usage, "--cv needs a fold count of 2 or more, --train-ids and --stories, and no --test-ids");
            var loaded = modelPath is null ? null : StanceCommandSupport.LoadModel(modelPath);
            var data = StanceCommandSupport.Read(stancesPath, parse.GetValue(bodies)!, requireStances: true);

            if (loaded is not null)
            {
                var test = testPath is null ? data : StanceCommandSupport.Subset(data, StanceCommandSupport.ReadIds(testPath), testPath);
                Score(context, loaded, test, stancesPath, trainSeconds: null, ct);
                return Task.FromResult(ExitCodes.Ok);
            }

            var options = StanceCommandSupport.Options(parse.GetValue(config));
            var train = StanceCommandSupport.Subset(data, StanceCommandSupport.ReadIds(trainPath!), trainPath!);
            if (k != 0)
            {
                CrossValidate(context, options, train, ReadStories(parse.GetValue(stories)!), k, parse.GetValue(oof), ct);
                return Task.FromResult(ExitCodes.Ok);
            }
            if (testPath is null)
                throw new CliError(ExitCodes.Usage, "--train-ids needs --test-ids (or --cv)");
            var testIds = StanceCommandSupport.ReadIds(testPath);
            var testSet = StanceCommandSupport.Subset(data, testIds, testPath);
            var overlap = train.Pairs.Select(p => p.BodyId).Where(testIds.Contains).Distinct().Count();
            if (overlap > 0)
                context.Error.WriteLine($"warning: {overlap} bodies are in both --train-ids and --test-ids");
            var watch = Stopwatch.StartNew();
            var trained = new StanceEstimator(options).Fit(train, ct);
            Score(context, trained, testSet, stancesPath, watch.Elapsed.TotalSeconds, ct);
            return Task.FromResult(ExitCodes.Ok);
        }, cancellationToken));
        return command;
    }

    private static void Score(CliContext context, StanceModel model, Fnc1Dataset test, string stancesPath, double? trainSeconds, CancellationToken ct)
    {
        var gold = StanceCommandSupport.Gold(test, stancesPath);
        var watch = Stopwatch.StartNew();
        var predicted = model.PredictIndices(test.ToStancePairs(), ct);
        var seconds = watch.Elapsed.TotalSeconds;
        StanceReportWriter.Write(context.Output, StanceEvaluation.Compute(gold, predicted));
        var bootstrap = new Bootstrap();
        ScoreWriter.Intervals(context.Output, StanceEvaluation.Intervals(gold, predicted, bootstrap), bootstrap, "pairs");
        var c = CultureInfo.InvariantCulture;
        if (trainSeconds is { } t)
            context.Output.WriteLine(string.Create(c, $"training: {t:F1} s"));
        context.Output.WriteLine(string.Create(c, $"prediction: {seconds:F1} s ({test.Pairs.Count / Math.Max(seconds, 1e-9):F0} pairs/s)"));
    }

    private static void CrossValidate(CliContext context, StanceOptions options, Fnc1Dataset train, IReadOnlyDictionary<int, int> storyOf, int k, string? oofPath, CancellationToken ct)
    {
        var c = CultureInfo.InvariantCulture;
        var output = context.Output;
        var result = new StanceCrossValidation(options).Run(train, storyOf, k, new Inline<StanceFoldResult>(f =>
            output.WriteLine(string.Create(c, $"fold {f.Fold + 1}/{f.Folds}: {f.Evaluation.Pairs} pairs, FNC-1 {f.Evaluation.FncRelative:F4}, macro-F1 {f.Evaluation.MacroF1:F4}, disagree F1 {f.Evaluation.F1(StanceLabels.Disagree):F4} ({f.Elapsed.TotalSeconds:F1} s)"))), ct);
        if (oofPath is not null)
            AtomicFile.WriteText(oofPath, w =>
            {
                w.WriteLine("line,body_id,fold,gold,agree,disagree,discuss,unrelated");
                foreach (var o in result.OutOfFold)
                {
                    var p = o.Probabilities;
                    w.WriteLine(string.Create(c, $"{o.Line},{o.BodyId},{o.Fold},{StanceLabels.Names[o.Gold]},{p[0]:R},{p[1]:R},{p[2]:R},{p[3]:R}"));
                }
            });
        ScoreWriter.Summaries(output, result.FoldSummaries(), "folds");
        output.WriteLine($"pooled over {k} story-grouped folds:");
        StanceReportWriter.Write(output, result.Pooled);
        var bootstrap = new Bootstrap();
        ScoreWriter.Intervals(output, result.Intervals(bootstrap), bootstrap, "out-of-fold pairs");
        StanceReportWriter.WriteGrid(output, StanceCrossValidation.Grid(result.OutOfFold));
    }

    private static IReadOnlyDictionary<int, int> ReadStories(string path)
    {
        try
        {
            return StoryFolds.ReadStories(path);
        }
        catch (Fnc1FormatException e)
        {
            throw new CliError(ExitCodes.Input, e.Message);
        }
    }

    /// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
