using System.Diagnostics;
using System.Globalization;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Benchmarks;

/// <summary>
/// <c>scale CORPUS.jsonl|FOLDER... [--exhaustive] [--window-days D]</c>: ingest → clean+analyze → vectorize → dedup (join, clustering, edges) on
/// one corpus (from <c>classify generate corpus</c>) with the default options, printing seconds per step (wall and
/// CPU), articles/s and peak working set. Files are read one at a time and their texts let go once analyzed, as a
/// streaming dedup run would.
/// With <c>--exhaustive</c> it then also runs the join alone without a window and the all-pairs reference, and prints
/// the join's recall against it (quadratic: for corpora up to a few tens of thousands).
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
        _cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        // file by file, letting each file's texts go once analyzed: memory holds term ids, not articles
        var vectorizer = new BatchVectorizer();
        var ids = new List<string>();
        var published = new List<DateTimeOffset?>();
        var cleaner = new ArticleCleaner(options.Clean);
        TimeSpan ingestWall = TimeSpan.Zero, ingestCpu = TimeSpan.Zero;
        foreach (var file in files)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var fileWatch = Stopwatch.StartNew();
            var articles = ingestor.Ingest([file]).Articles;
            ingestWall += fileWatch.Elapsed;
            ingestCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var first = vectorizer.Extend(articles.Count);
            foreach (var article in articles)
            {
                ids.Add(article.Id);
                published.Add(article.Published);
            }
            Parallel.For(0, articles.Count, () => new TextAnalyzer(options.Analysis), (i, _, analyzer) =>
            {
                vectorizer.Add(first + i, analyzer.Analyze(cleaner.Clean(articles[i])).Terms);
                return analyzer;
            }, _ => { });
        }
        var count = ids.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  of which ingest (reading, decoding, parsing {files.Count} files): {ingestWall.TotalSeconds:F1} s wall, {ingestCpu.TotalSeconds:F1} s CPU"));
        Step("ingest + clean + analyze", watch, count);

        var (model, vectors) = vectorizer.Fit(options.Vectorize);
        Step("vectorize", watch, count);

        var documents = Enumerable.Range(0, count).Select(i => new DedupDocument(ids[i], published[i], vectors[i])).ToList();
        var result = new Deduplicator(options.Dedup).Run(documents, model);
        Step($"dedup stage (join + clustering + edges; {result.Stories.Count} stories, {result.Assignments.Count(a => a.DuplicateOf is not null)} duplicates, {result.Stories.Sum(s => s.Edges.Count)} edges)", watch, count);

        var seconds = total.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total {seconds:F1} s, {count / seconds:F0} articles/s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024):F2} GB"));

        if (exhaustive)
        {
            // the join without a window against the all-pairs reference: the same pairs, or the join is wrong
            var threshold = options.Dedup.StoryThreshold;
            watch.Restart();
            var join = SimilarityJoin.Find(vectors, threshold);
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
