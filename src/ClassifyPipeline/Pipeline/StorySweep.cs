using System.Diagnostics;
using System.Text.Json;
using ClassifyPipeline.Dedup;
using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Pipeline;

/// <summary>
/// The stories of one set of inputs at each of several story thresholds: the run's own path (Ingest → Clean →
/// Analyze → Vectorize + Dedup, without topic and stance labels), once per threshold, everything else as configured.
/// For <c>classify eval stories</c>: a user sees how sensitive their data is to the threshold.
/// </summary>
public static class StorySweep
{
    /// <summary>Each threshold's story by article id, with the run's articles per second (all stages, no labels).</summary>
    public static IReadOnlyList<SweepPoint> Run(PipelineOptions options, IReadOnlyList<string> files, IReadOnlyList<double> thresholds, ILogger logger, CancellationToken cancellationToken = default)
    {
        var result = new List<SweepPoint>(thresholds.Count);
        foreach (var threshold in thresholds.Order())
        {
            var copy = With(options, threshold);
            var clock = Stopwatch.StartNew();
            var run = new PipelineRunner(copy, logger).Run(files, null, cancellationToken);
            var elapsed = clock.Elapsed;
            var stories = new Dictionary<string, string>(run.Articles.Count, StringComparer.Ordinal);
            foreach (var a in run.Articles)
                stories[a.Id] = a.Dedup.StoryId;
            var dedup = run.Timings.Where(t => t.Stage == "dedup").Select(t => t.Elapsed).FirstOrDefault();
            result.Add(new SweepPoint(threshold, stories, run.Articles.Count / Math.Max(1e-9, elapsed.TotalSeconds), run.Articles.Count / Math.Max(1e-9, dedup.TotalSeconds)));
        }
        return result;
    }

    /// <summary>A copy of the options with another story threshold (and the duplicate threshold raised to it when below: re-publications do not change the stories).</summary>
    private static PipelineOptions With(PipelineOptions options, double threshold)
    {
        var dedup = JsonSerializer.Deserialize<DedupOptions>(JsonSerializer.Serialize(options.Dedup))!;
        dedup.StoryThreshold = threshold;
        dedup.DuplicateThreshold = Math.Max(dedup.DuplicateThreshold, threshold);
        return new PipelineOptions
        {
            Ingest = options.Ingest,
            Clean = options.Clean,
            Analysis = options.Analysis,
            Vectorize = options.Vectorize,
            Dedup = dedup,
            Topic = options.Topic,
            State = options.State,
            Stance = options.Stance,
        };
    }
}

/// <summary>One threshold of a <see cref="StorySweep"/>.</summary>
/// <param name="ArticlesPerSecond">Articles per second of the whole run (read, clean, analyze, vectorize, dedup).</param>
/// <param name="DedupArticlesPerSecond">Articles per second of the Vectorize + Dedup stage alone.</param>
public sealed record SweepPoint(double Threshold, IReadOnlyDictionary<string, string> Stories, double ArticlesPerSecond, double DedupArticlesPerSecond);
