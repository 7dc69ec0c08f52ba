using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Dedup.Evaluation;
using ClassifyPipeline.Evaluation;

namespace ClassifyPipeline.Cli.Commands;

/// <summary>
/// <c>classify eval stories &lt;run folder or articles.jsonl&gt; --gold CSV</c>: pairwise precision/recall/F1 and
/// adjusted Rand index of a run's stories against gold stories, over the articles both name, each with its
/// bootstrap interval over those articles (<see cref="PairAgreement"/>: an article drawn twice pairs with the others, not itself).
/// </summary>
public static class EvalStoriesCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("run") { Description = "A run folder (its articles.jsonl) or an articles.jsonl file" };
        var gold = new Option<string>("--gold") { Description = "Gold stories: CSV with id,story (or FNC-1's Body ID,Story ID)", Required = true };
        var noSweep = new Option<bool>("--no-sweep") { Description = "Skip the threshold sweep (which groups the run's inputs again at each threshold)" };
        var thresholds = new Option<string?>("--thresholds") { Description = "The sweep's story thresholds, comma-separated (default 0.05 to 0.30 by 0.025, plus the configured one)" };
        var folds = new Option<int>("--folds") { Description = "Folds of gold stories to cross-validate the threshold choice over (0 or 1: none)", DefaultValueFactory = _ => 5 };
        var config = new Option<string?>("--config") { Description = "Group the sweep with this configuration file instead of the run's (run.json)" };
        var command = new Command("stories", "Score a run's stories against gold stories: pairwise precision/recall/F1 and adjusted Rand index, then a threshold sweep and its cross-validation")
        {
            input, gold, noSweep, thresholds, folds, config,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.Run(context, ct =>
            Execute(context, parse.GetValue(input)!, parse.GetValue(gold)!, parse.GetValue(noSweep), parse.GetValue(thresholds), parse.GetValue(folds), parse.GetValue(config), ct), cancellationToken));
        return command;
    }

    private static Task<int> Execute(CliContext context, string input, string goldPath, bool noSweep, string? thresholds, int folds, string? configPath, CancellationToken cancellationToken)
    {
        var grid = thresholds is null ? StorySweepWriter.DefaultThresholds : StorySweepWriter.ParseThresholds(thresholds);
        if (folds < 0)
            throw new CliError(ExitCodes.Usage, "--folds: give 0 (none) or more");
        var articlesPath = Directory.Exists(input) ? Path.Combine(input, "articles.jsonl") : input;
        if (!File.Exists(articlesPath))
            throw new CliError(ExitCodes.Input, $"no articles.jsonl at '{articlesPath}'");
        if (!File.Exists(goldPath))
            throw new CliError(ExitCodes.Input, $"gold file not found: '{goldPath}'");

        IReadOnlyDictionary<string, string> gold;
        try
        {
            using var reader = new StreamReader(goldPath);
            gold = GoldStories.Read(reader, goldPath);
        }
        catch (InvalidDataException e)
        {
            throw new CliError(ExitCodes.Input, e.Message);
        }

        var predicted = ReadStories(articlesPath);
        var pairs = new List<(string, string)>();
        var notInGold = 0;
        foreach (var (id, story) in predicted)
        {
            if (gold.TryGetValue(id, out var g))
                pairs.Add((story, g));
            else
                notInGold++;
        }
        if (pairs.Count == 0)
            throw new CliError(ExitCodes.Input, $"no article of '{articlesPath}' has a gold story in '{goldPath}' (ids must match)");
        var missing = gold.Count - pairs.Count;

        var s = StoryEvaluator.Evaluate(pairs);
        var o = context.Output;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"articles           {s.Articles} scored ({notInGold} without gold story, {missing} gold ids not in the run)"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stories            {s.PredictedStories} predicted, {s.GoldStories} gold"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pairs              {s.TruePairs} correct of {s.PredictedPairs} predicted, {s.GoldPairs} gold"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pairwise precision {s.Precision:F4}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pairwise recall    {s.Recall:F4}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pairwise F1        {s.F1:F4}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"adjusted Rand      {s.AdjustedRand:F4}"));

        var agreement = new PairAgreement(pairs);
        var bootstrap = new Bootstrap();
        var intervals = bootstrap.Intervals(pairs.Count, ["pairwise precision", "pairwise recall", "pairwise F1", "adjusted Rand"], weights =>
        {
            var r = agreement.Score(weights);
            return [r.Precision, r.Recall, r.F1, r.AdjustedRand];
        });
        ScoreWriter.Intervals(o, intervals, bootstrap, "articles");
        if (!noSweep && Directory.Exists(input))
            StorySweepWriter.Write(context, input, configPath, gold, grid, folds, cancellationToken);
        return Task.FromResult(ExitCodes.Ok);
    }

    private static List<(string Id, string Story)> ReadStories(string path)
    {
        var result = new List<(string, string)>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
                continue;
            try
            {
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
                    || !root.TryGetProperty("storyId", out var story) || story.ValueKind != JsonValueKind.String)
                    throw new CliError(ExitCodes.Input, $"{path} line {line}: expected an object with string 'id' and 'storyId'");
                result.Add((id.GetString()!, story.GetString()!));
            }
            catch (JsonException e)
            {
                throw new CliError(ExitCodes.Input, $"{path} line {line}: not JSON ({e.Message})");
            }
        }
        return result;
    }
}
