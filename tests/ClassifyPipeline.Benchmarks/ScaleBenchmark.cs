using System.Diagnostics;
using System.Globalization;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Benchmarks;

/// <summary>
/// <c>scale CORPUS.jsonl [threads]</c>: ingest → clean+analyze → vectorize → similarity join → dedup on one corpus
/// (from <c>classify generate corpus</c>), printing seconds per step, articles/s and peak working set.
/// With <c>--exhaustive</c> it then also runs the join alone and the exhaustive reference, and prints the join's recall.
/// </summary>
public static class ScaleBenchmark
{
    public static void Run(string[] args)
    {
        var path = args[0];
        var exhaustive = args.Contains("--exhaustive");
        var options = new PipelineOptions();
        _cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var ingest = new ArticleIngestor(options.Ingest).Ingest([path]);
        var articles = ingest.Articles;
        Step("ingest", watch, articles.Count);

        var analyzed = new AnalyzedArticle[articles.Count];
        Parallel.For(0, articles.Count, () => (new ArticleCleaner(options.Clean), new TextAnalyzer(options.Analysis)), (i, _, s) =>
        {
            analyzed[i] = s.Item2.Analyze(s.Item1.Clean(articles[i]));
            return s;
        }, _ => { });
        Step("clean+analyze", watch, articles.Count);

        var model = new TfIdfEstimator(options.Vectorize).Fit(CorpusStatistics.Empty.Add(analyzed.Select(a => a.Terms)));
        var vectors = new SparseVector[analyzed.Length];
        Parallel.For(0, analyzed.Length, i => vectors[i] = model.Transform(analyzed[i].Terms));
        Step("vectorize", watch, articles.Count);

        var documents = analyzed.Select((a, i) => new DedupDocument(a.Id, a.Clean.Article.Published, vectors[i])).ToList();
        var result = new Deduplicator(options.Dedup).Run(documents, model);
        Step($"dedup stage (join + clustering + edges; {result.Stories.Count} stories, {result.Assignments.Count(a => a.DuplicateOf is not null)} duplicates)", watch, articles.Count);

        var seconds = total.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total {seconds:F1} s, {articles.Count / seconds:F0} articles/s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024):F2} GB"));

        if (exhaustive)
        {
            watch.Restart();
            var join = SimilarityJoin.Find(vectors, options.Dedup.StoryThreshold);
            Step($"similarity join alone ({join.Count} pairs ≥ {options.Dedup.StoryThreshold})", watch, articles.Count);
            var reference = AllPairsSimilarity.Find(vectors, options.Dedup.StoryThreshold);
            var found = join.Select(p => (p.I, p.J)).ToHashSet();
            var recalled = reference.Count(p => found.Contains((p.I, p.J)));
            Step($"exhaustive reference ({reference.Count} pairs; join recall {(double)recalled / Math.Max(1, reference.Count):F4})", watch, articles.Count);
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
