using ClassifyPipeline.Threads;

namespace ClassifyPipeline.Reports;

/// <summary>A thread as the reports show it, and as threads.jsonl keeps it: its heaviest terms and its stories in time order.</summary>
public sealed record ReportThread(string Id, IReadOnlyList<string> Terms, IReadOnlyList<ReportThreadStory> Stories)
{
    public int Articles => Stories.Sum(s => s.Size);

    public DateTimeOffset? First => Stories.Select(s => s.First).Where(t => t is not null).Min();

    public DateTimeOffset? Last => Stories.Select(s => s.Last).Where(t => t is not null).Max();

    /// <summary>The thread of a run just finished, with times at the precision threads.jsonl keeps (whole seconds, UTC).</summary>
    public static ReportThread From(StoryThread thread) => new(
        thread.Id,
        ThreadsJsonlWriter.TopTerms(thread),
        thread.Stories.Select(s => new ReportThreadStory(s.StoryId, s.LeadId, s.LeadTitle, Seconds(s.First), Seconds(s.Last), s.Size, s.FirstOutlet, s.Outlets)).ToList());

    private static DateTimeOffset? Seconds(DateTimeOffset? value) =>
        value is { } v ? new DateTimeOffset(v.UtcTicks - v.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero) : null;
}

/// <summary>One story of a thread: its lead, dates, size, the first outlet to report it and every outlet that did.</summary>
public sealed record ReportThreadStory(string StoryId, string LeadId, string? Title, DateTimeOffset? First, DateTimeOffset? Last, int Size, string? FirstOutlet, IReadOnlyList<string> Outlets);
