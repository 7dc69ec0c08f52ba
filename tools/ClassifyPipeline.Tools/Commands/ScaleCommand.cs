using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.IO;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Tools.Scale;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Tools.Commands;

/// <summary>
/// <c>scale CORPUS.jsonl|FOLDER... [--exhaustive] [--window-days D]</c>: the end-to-end throughput harness.
/// <c>classify run</c>'s ingest → clean+analyze → vectorize → dedup (join, clustering, edges) on one corpus (from
/// <c>generate corpus</c>) with the default options, through <see cref="PipelineRunner"/> itself with no models (so
/// no second pass, no labels), printing each stage's wall seconds, the total wall and CPU seconds, articles/s and
/// peak working set. With <c>--exhaustive</c> it then also vectorizes the corpus again, runs the join alone without
/// a window and the all-pairs reference, and prints the join's recall against it (quadratic: for corpora up to a
/// few tens of thousands).
/// </summary>
public static class ScaleCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("input") { Description = "Corpus files or folders (JSON Lines from 'generate corpus')", Arity = ArgumentArity.OneOrMore };
        var exhaustive = new Option<bool>("--exhaustive") { Description = "Also check the join against all pairs (quadratic)" };
        var windowDays = new Option<double?>("--window-days") { Description = "dedup.windowDays for this run (default: the built-in 7)" };
        var gold = new Option<string?>("--gold") { Description = "The corpus's labels (<corpus>.gold.csv: id,story,duplicateOf): also print re-publication pair precision, recall and F1" };
        var containment = new Option<string?>("--duplicate-containment") { Description = "dedup.duplicateContainment for this run: a share from 0 to 1, or 'none' (the cosine alone decides re-publications)" };
        var command = new Command("scale", "Throughput of classify run's ingest → dedup path on a corpus, stage by stage, with CPU time and peak memory") { inputs, exhaustive, windowDays, gold, containment };
        command.SetAction((parse, ct) => CommandRunner.Run(context, _ =>
        {
            var options = new PipelineOptions();
            if (parse.GetValue(windowDays) is { } days)
                options.Dedup.WindowDays = days;
            if (parse.GetValue(containment) is { } share)
                options.Dedup.DuplicateContainment = share == "none" ? null
                    : double.TryParse(share, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 1 ? v
                    : throw new CliError(ExitCodes.Usage, $"--duplicate-containment must be a share from 0 to 1 or 'none', got '{share}'");
            Run(context.Output, options, parse.GetValue(inputs)!, parse.GetValue(exhaustive), parse.GetValue(gold));
            return Task.FromResult(ExitCodes.Ok);
        }, ct));
        return command;
    }

    private static void Run(TextWriter output, PipelineOptions options, string[] inputs, bool exhaustive, string? goldPath)
    {
        if (goldPath is not null && !File.Exists(goldPath))
            throw new CliError(ExitCodes.Input, $"gold file not found: '{goldPath}'");
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c,
            $"dedup: story threshold {options.Dedup.StoryThreshold}, link threshold {options.Dedup.LinkThreshold?.ToString(c) ?? "none"}, duplicate threshold {options.Dedup.DuplicateThreshold}, duplicate containment {options.Dedup.DuplicateContainment?.ToString(c) ?? "none"}, window {options.Dedup.WindowDays} days; {Environment.ProcessorCount} cores"));
        var ingestor = new ArticleIngestor(options.Ingest);
        var (files, errors) = InputResolver.Resolve(inputs, ingestor.Handles);
        if (errors.Count > 0)
            throw new CliError(ExitCodes.Input, string.Join("; ", errors));

        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var run = new PipelineRunner(options, NullLogger.Instance).Run(files, new StageMemory(output, watch));
        var seconds = watch.Elapsed.TotalSeconds;
        var count = run.Articles.Count;
        foreach (var stage in run.Timings)
            output.WriteLine(string.Create(c, $"{stage.Stage}: {stage.Elapsed.TotalSeconds:F1} s wall"));
        output.WriteLine(string.Create(c,
            $"{count} articles, {run.Stories.Count} stories, {run.Articles.Count(a => a.Dedup.DuplicateOf is not null)} duplicates, {run.Stories.Sum(s => s.Edges.Count)} edges"));
        output.WriteLine($"output digest (SHA-256 of stories, members, edges, duplicates): {OutputDigest.Of(run)}");
        process.Refresh();
        output.WriteLine(string.Create(c,
            $"total {seconds:F1} s wall, {(process.TotalProcessorTime - cpu).TotalSeconds:F1} s CPU, {count / seconds:F0} articles/s, peak working set {process.PeakWorkingSet64 / (1024.0 * 1024 * 1024):F2} GiB"));
        if (goldPath is not null)
        {
            var republished = run.Articles.Where(a => a.Dedup.DuplicateOf is not null).Select(a => (a.Article.Id, a.Dedup.DuplicateOf!));
            var score = RepublicationScore.Score(republished, RepublicationScore.ReadGold(goldPath));
            output.WriteLine(string.Create(c, $"re-publication pairs: {score.Found} found, {score.Gold} gold, {score.Correct} correct; precision {score.Precision:F4}, recall {score.Recall:F4}, F1 {score.F1:F4}"));
        }
        if (!exhaustive)
            return;

        // the join without a window against the all-pairs reference: the same pairs, or the join is wrong (at the
        // threshold the story stage joins at: the lowest of the story, link and duplicate thresholds)
        var vectors = CorpusVectors.Vectorize(ingestor.Ingest(files).Articles, options);
        var threshold = StoryStage.JoinThreshold(options.Dedup);
        var step = new StepTimer(output, count);
        var join = WindowJoin.Find(vectors.Select(_ => new JoinDocument(0, true, false)).ToList(), i => vectors[i],
            vectors.Max(v => v.Count == 0 ? 0 : v.Indices[^1] + 1), threshold, TimeSpan.FromDays(1));
        step.Done($"similarity join alone, no window ({join.Count} pairs ≥ {threshold})");
        var reference = AllPairsSimilarity.Find(vectors, threshold);
        var found = join.Select(p => (p.I, p.J)).ToHashSet();
        var recalled = reference.Count(p => found.Contains((p.I, p.J)));
        step.Done(string.Create(c, $"all-pairs reference ({reference.Count} pairs; join recall {(double)recalled / Math.Max(1, reference.Count):F5})"));
    }

    /// <summary>When each reported stage starts: its total when known (the graph's: the join's pairs), seconds into the run, managed heap and working set then (where the bytes go).</summary>
    private sealed class StageMemory(TextWriter output, Stopwatch watch) : IProgress<RunProgress>
    {
        private string? _stage;

        public void Report(RunProgress value)
        {
            if (value.Stage == _stage)
                return;
            _stage = value.Stage;
            var process = Process.GetCurrentProcess();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  [{value.Stage}]{(value.Total is { } total ? $" ({total} to do)" : "")} from {watch.Elapsed.TotalSeconds:F1} s: heap {GC.GetTotalMemory(false) / (1024.0 * 1024 * 1024):F2} GiB, working set {process.WorkingSet64 / (1024.0 * 1024 * 1024):F2} GiB, peak {process.PeakWorkingSet64 / (1024.0 * 1024 * 1024):F2} GiB"));
        }
    }

    /// <summary>CPU seconds beside wall seconds: on a shared, loaded machine CPU time is the steadier figure.</summary>
    private sealed class StepTimer(TextWriter output, int count)
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

        public void Done(string name)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = _watch.Elapsed.TotalSeconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {wall:F1} s wall, {(cpu - _cpu).TotalSeconds:F1} s CPU ({count / Math.Max(1e-9, wall):F0} articles/s)"));
            _cpu = cpu;
            _watch.Restart();
        }
    }
}
