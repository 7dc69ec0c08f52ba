using System.Diagnostics;
using System.Globalization;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Tests.Dedup;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Benchmarks;

/// <summary>
/// <c>scale CORPUS.jsonl|FOLDER... [--exhaustive] [--window-days D]</c>: <c>classify run</c>'s ingest → clean+analyze →
/// vectorize → dedup (join, clustering, edges) on one corpus (from <c>classify generate corpus</c>) with the default
/// options, through <see cref="PipelineRunner"/> itself with no models (so no second pass, no labels), printing each
/// stage's wall seconds, the total wall and CPU seconds, articles/s and peak working set.
/// With <c>--exhaustive</c> it then also vectorizes the corpus again, runs the join alone without a window and the
/// all-pairs reference, and prints the join's recall against it (quadratic: for corpora up to a few tens of thousands).
/// </summary>
public static class ScaleBenchmark
{
    public static void Run(string[] args)
    {
        var exhaustive = args.Contains("--exhaustive");
        var options = new PipelineOptions();
        var inputs = new List<string>();
        for (var a = 0; a < args.Length; a++)
        {
            switch (args[a])
            {
                case "--exhaustive":
                    break;
                case "--window-days":
                    options.Dedup.WindowDays = double.Parse(args[++a], CultureInfo.InvariantCulture);
                    break;
                default:
                    inputs.Add(args[a]);
                    break;
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dedup: story threshold {options.Dedup.StoryThreshold}, duplicate threshold {options.Dedup.DuplicateThreshold}, window {options.Dedup.WindowDays} days; {Environment.ProcessorCount} cores"));
        var ingestor = new ArticleIngestor(options.Ingest);
        var (files, errors) = InputResolver.Resolve(inputs, ingestor.Handles);
        if (errors.Count > 0)
            throw new ArgumentException(string.Join("; ", errors));

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var run = new PipelineRunner(options, NullLogger.Instance).Run(files);
        var seconds = watch.Elapsed.TotalSeconds;
        var count = run.Articles.Count;
        foreach (var stage in run.Timings)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage.Stage}: {stage.Elapsed.TotalSeconds:F1} s wall"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} articles, {run.Stories.Count} stories, {run.Articles.Count(a => a.Dedup.DuplicateOf is not null)} duplicates, {run.Stories.Sum(s => s.Edges.Count)} edges"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total {seconds:F1} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s CPU, {count / seconds:F0} articles/s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024):F2} GiB"));

        if (exhaustive)
        {
            // the join without a window against the all-pairs reference: the same pairs, or the join is wrong
            var vectors = DedupCorpus.Vectorize(ingestor.Ingest(files).Articles, options);
            var threshold = options.Dedup.StoryThreshold;
            _cpu = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            var join = WindowJoin.Find(vectors.Select(_ => new JoinDocument(0, true, false)).ToList(), i => vectors[i],
                vectors.Max(v => v.Count == 0 ? 0 : v.Indices[^1] + 1), threshold, TimeSpan.FromDays(1));
            Step($"similarity join alone, no window ({join.Count} pairs ≥ {threshold})", watch, count);
            var reference = AllPairsSimilarity.Find(vectors, threshold);
            var found = join.Select(p => (p.I, p.J)).ToHashSet();
            var recalled = reference.Count(p => found.Contains((p.I, p.J)));
            Step($"all-pairs reference ({reference.Count} pairs; join recall {(double)recalled / Math.Max(1, reference.Count):F5})", watch, count);
        }
    }

    private static TimeSpan _cpu;

    // CPU seconds beside wall seconds: on a shared, loaded machine CPU time is the steadier figure
    private static void Step(string name, Stopwatch watch, int count)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {watch.Elapsed.TotalSeconds:F1} s wall, {(cpu - _cpu).TotalSeconds:F1} s CPU ({count / Math.Max(1e-9, watch.Elapsed.TotalSeconds):F0} articles/s)"));
        _cpu = cpu;
        watch.Restart();
    }
}
