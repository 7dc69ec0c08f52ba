using ClassifyPipeline.Corpus;

namespace ClassifyPipeline.Threads;

/// <summary>A thread: stories that continue one subject, in time order (first published, then story id; undated last).</summary>
public sealed record StoryThread(string Id, IReadOnlyList<StorySummary> Stories)
{
    /// <summary>How many articles its stories hold together.</summary>
    public int Articles => Stories.Sum(s => s.Size);

    /// <summary>The earliest published time of any of its stories.</summary>
    public DateTimeOffset? First => Stories.Select(s => s.First).Where(t => t is not null).Min();

    /// <summary>The latest published time of any of its stories.</summary>
    public DateTimeOffset? Last => Stories.Select(s => s.Last).Where(t => t is not null).Max();

    /// <summary>Time order of stories: first published, undated last, then story id.</summary>
    public static readonly IComparer<StorySummary> Order = Comparer<StorySummary>.Create((a, b) =>
    {
        var c = (a.First ?? DateTimeOffset.MaxValue).CompareTo(b.First ?? DateTimeOffset.MaxValue);
        return c != 0 ? c : string.CompareOrdinal(a.StoryId, b.StoryId);
    });
}

/// <summary>The thread step's output: each story's thread (the batch's stories) and the threads holding them, with all their stories.</summary>
public sealed record ThreadResult(IReadOnlyDictionary<string, string> ThreadOfStory, IReadOnlyList<StoryThread> Threads)
{
    public static readonly ThreadResult Empty = new(new Dictionary<string, string>(), []);
}
