using System.ComponentModel.DataAnnotations;

namespace ClassifyPipeline.Threads;

/// <summary>The <c>threads</c> section of pipeline.json: how stories are linked into threads (docs/stories.md, "Threads").</summary>
public sealed class ThreadOptions
{
    /// <summary>
    /// False skips the thread step: <c>threadId</c> is null and threads.jsonl empty, and with <c>--state</c> the batch's
    /// stories get no summary (they join threads when a later batch with threads on touches them). For very large
    /// corpora, where linking every story costs minutes (docs/stories.md, "Threads").
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Average cosine between the profiles of two groups of stories at or above which they are one thread, whatever
    /// the time between them. 0.15: the seeds' three stories (2013, 2014, 2016) link (up to 0.15; at 0.2 the 2014 one
    /// stands apart), and the 214 stories of the FNC-1 training bodies form 39 threads of 2–4 stories on one subject
    /// each (docs/experiments/2026-12-05-threads-reports.md).
    /// </summary>
    [Range(0.0, 1.0)]
    public double Threshold { get; set; } = 0.15;

    /// <summary>How many of the heaviest terms of a story's centroid are kept as its profile.</summary>
    [Range(1, 1000)]
    public int ProfileTerms { get; set; } = 40;

    /// <summary>
    /// Terms in the profiles of more than this fraction of the stories are left out when linking (once there are 100
    /// stories or more): they say nothing about a subject and would make linking compare every pair.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MaxStoryFrequency { get; set; } = 0.05;
}
