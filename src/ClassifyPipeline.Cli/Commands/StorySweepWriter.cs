using System.Globalization;
using System.Text.Json;
using ClassifyPipeline.Cli.Configuration;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Dedup.Evaluation;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Cli.Commands;

/// <summary>
/// The threshold sweep of <c>classify eval stories</c>: the run's inputs (run.json) grouped again at each threshold of a
/// grid with the run's configuration (or <c>--config</c>'s), scored against the gold stories, then the threshold
/// choice cross-validated over folds of gold stories (<see cref="ThresholdCrossValidation"/>).
/// </summary>
internal static class StorySweepWriter
{
    /// <summary>The default grid: 0.05 to 0.30 by 0.025.</summary>
    public static IReadOnlyList<double> DefaultThresholds { get; } = Enumerable.Range(0, 11).Select(k => Math.Round(0.05 + 0.025 * k, 3)).ToArray();

    public static void Write(CliContext context, string runFolder, string? configPath, IReadOnlyDictionary<string, string> gold, IReadOnlyList<double> grid, int folds, CancellationToken cancellationToken)
    {
        var manifest = Path.Combine(runFolder, "run.json");
        if (!File.Exists(manifest))
        {
            context.Output.WriteLine();
            context.Output.WriteLine($"no threshold sweep: '{runFolder}' has no run.json (the sweep groups a finished run's inputs again)");
            return;
        }
        var (inputs, configuration) = ReadManifest(manifest);
        var options = configPath is not null ? RunCommand.LoadOptions(configPath) : ConfigLoader.Parse(configuration, manifest);
        var ingestor = new ArticleIngestor(options.Ingest);
        var (files, errors) = InputResolver.Resolve(inputs, ingestor.Handles);
        if (errors.Count > 0)
            throw new CliError(ExitCodes.Input, "the run's inputs cannot be read again for the sweep: " + string.Join("; ", errors));

        var configured = options.Dedup.StoryThreshold;
        var thresholds = grid.Append(configured).Select(t => Math.Round(t, 6)).Distinct().Order().ToArray();
        // the runs' own log lines would drown the table
        var points = StorySweep.Run(options, files, thresholds, NullLogger.Instance, cancellationToken);

        var c = CultureInfo.InvariantCulture;
        var o = context.Output;
        o.WriteLine();
        o.WriteLine(string.Create(c, $"threshold sweep ({(configPath is null ? "the run's configuration" : configPath)}; * = configured storyThreshold):"));
        o.WriteLine("  threshold  precision  recall  F1      ARI     stories  articles/s");
        foreach (var p in points)
        {
            var s = StoryEvaluator.Evaluate(gold, p.Stories);
            var mark = Math.Abs(p.Threshold - configured) < 1e-9 ? "*" : " ";
            o.WriteLine(string.Create(c, $"  {p.Threshold,8:0.0000}{mark}  {s.Precision,9:F4}  {s.Recall,6:F4}  {s.F1:F4}  {s.AdjustedRand:F4}  {s.PredictedStories,7}  {p.ArticlesPerSecond,10:F0}"));
        }

        if (folds < 2)
            return;
        var cv = ThresholdCrossValidation.Run(gold, points.Select(p => (p.Threshold, p.Stories)).ToList(), folds, fixedThreshold: configured);
        o.WriteLine();
        o.WriteLine(string.Create(c, $"cross-validated threshold choice ({folds} folds of gold stories, seed 42; chosen on the other folds by (F1 + ARI) / 2 averaged with the grid neighbours):"));
        foreach (var f in cv.Folds)
            o.WriteLine(string.Create(c, $"  fold {f.Fold}  chosen {f.Chosen:0.0000}  F1 {f.Test.F1:F4}  ARI {f.Test.AdjustedRand:F4}  (configured: F1 {f.AtFixed!.F1:F4}  ARI {f.AtFixed.AdjustedRand:F4})"));
        var (f1, f1Sd) = cv.Summary(f => f.Test.F1);
        var (ari, ariSd) = cv.Summary(f => f.Test.AdjustedRand);
        var (cf1, cf1Sd) = cv.Summary(f => f.AtFixed!.F1);
        var (cari, cariSd) = cv.Summary(f => f.AtFixed!.AdjustedRand);
        o.WriteLine(string.Create(c, $"  chosen threshold:     F1 {f1:F4} ± {f1Sd:F4}  ARI {ari:F4} ± {ariSd:F4} (mean ± sd over folds)"));
        o.WriteLine(string.Create(c, $"  configured threshold: F1 {cf1:F4} ± {cf1Sd:F4}  ARI {cari:F4} ± {cariSd:F4}"));
    }

    /// <summary>Parses "0.1,0.15,0.2" (invariant culture).</summary>
    public static IReadOnlyList<double> ParseThresholds(string text)
    {
        var result = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) || t is < 0 or > 1)
                throw new CliError(ExitCodes.Usage, $"--thresholds: '{part}' is not a number between 0 and 1");
            result.Add(t);
        }
        if (result.Count == 0)
            throw new CliError(ExitCodes.Usage, "--thresholds: give at least one threshold, comma-separated");
        return result;
    }

    private static (string[] Inputs, string Configuration) ReadManifest(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var inputs = root.GetProperty("inputs").EnumerateArray().Select(e => e.GetString()!).ToArray();
            return (inputs, root.GetProperty("configuration").GetRawText());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new CliError(ExitCodes.Input, $"{path}: not a run manifest with 'inputs' and 'configuration' ({e.Message})");
        }
    }
}
