using ClassifyPipeline.IO;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Cli.Hosting;

namespace ClassifyPipeline.Cli.Commands.Stance;

/// <summary>
/// <c>classify eval stance</c>: scores a saved model (<c>--model</c>, optionally on <c>--ids</c>), or trains on
/// <c>--train-ids</c> and scores on <c>--test-ids</c> in-process, or cross-validates within <c>--train-ids</c>
/// with folds grouped by story (<c>--cv K --stories FILE</c>), so no story is on both sides of a fold.
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
        var command = new Command("stance", "Score stance predictions against FNC-1 gold labels: FNC-1 relative score, macro-F1, per-class F1, confusion matrix")
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
        var c = CultureInfo.InvariantCulture;
        if (trainSeconds is { } t)
            context.Output.WriteLine(string.Create(c, $"training: {t:F1} s"));
        context.Output.WriteLine(string.Create(c, $"prediction: {seconds:F1} s ({test.Pairs.Count / Math.Max(seconds, 1e-9):F0} pairs/s)"));
    }

    private static void CrossValidate(CliContext context, StanceOptions options, Fnc1Dataset train, IReadOnlyDictionary<int, int> storyOf, int k, string? oofPath, CancellationToken ct)
    {
        var foldOf = StoryFolds.Assign(train.Pairs.Select(p => p.BodyId).ToList(), storyOf, k);
        var gold = new List<int>();
        var predicted = new List<int>();
        var probabilities = new List<double[]>();
        var oofRows = new List<string>();
        var c = CultureInfo.InvariantCulture;
        for (var fold = 0; fold < k; fold++)
        {
            var inFold = train.Pairs.Select(p => p.BodyId).Where(b => foldOf[b] == fold).ToHashSet();
            var fit = train.Where(inFold, keep: false);
            var held = train.Where(inFold);
            var watch = Stopwatch.StartNew();
            var model = new StanceEstimator(options).Fit(fit, ct);
            var foldProbabilities = model.PredictProbabilities(held.ToStancePairs(), ct);
            var foldPredicted = foldProbabilities.Select(p => StanceModel.Decide(p, model.RelatedThreshold, model.DisagreeBoost)).ToList();
            probabilities.AddRange(foldProbabilities);
            var foldGold = held.Pairs.Select(p => p.Stance!.Value).ToList();
            for (var i = 0; i < held.Pairs.Count; i++)
            {
                var p = foldProbabilities[i];
                oofRows.Add(string.Create(c, $"{held.Pairs[i].Line},{held.Pairs[i].BodyId},{fold},{StanceLabels.Names[foldGold[i]]},{p[0]:R},{p[1]:R},{p[2]:R},{p[3]:R}"));
            }
            var e = StanceEvaluation.Compute(foldGold, foldPredicted);
            context.Output.WriteLine(string.Create(c, $"fold {fold + 1}/{k}: {held.Pairs.Count} pairs, FNC-1 {e.FncRelative:F4}, macro-F1 {e.MacroF1:F4}, disagree F1 {e.F1(StanceLabels.Disagree):F4} ({watch.Elapsed.TotalSeconds:F1} s)"));
            gold.AddRange(foldGold);
            predicted.AddRange(foldPredicted);
        }
        if (oofPath is not null)
            AtomicFile.WriteText(oofPath, w =>
            {
                w.WriteLine("line,body_id,fold,gold,agree,disagree,discuss,unrelated");
                foreach (var row in oofRows)
                    w.WriteLine(row);
            });
        context.Output.WriteLine($"pooled over {k} story-grouped folds:");
        StanceReportWriter.Write(context.Output, StanceEvaluation.Compute(gold, predicted));
        context.Output.WriteLine("pooled, by relatedThreshold and disagreeBoost (same models, decision only): FNC-1 / macro-F1 / disagree F1");
        var boosts = new[] { 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 6.0 };
        context.Output.WriteLine("  threshold " + string.Concat(boosts.Select(b => string.Create(c, $"| boost {b,4:F2}            "))));
        foreach (var threshold in new[] { 0.3, 0.35, 0.4, 0.45, 0.5, 0.55 })
        {
            var line = new System.Text.StringBuilder(string.Create(c, $"  {threshold,9:F2} "));
            foreach (var boost in boosts)
            {
                var e = StanceEvaluation.Compute(gold, probabilities.Select(p => StanceModel.Decide(p, threshold, boost)).ToList());
                line.Append(string.Create(c, $"| {e.FncRelative:F4} {e.MacroF1:F4} {e.F1(StanceLabels.Disagree):F3} "));
            }
            context.Output.WriteLine(line.ToString());
        }
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
}
