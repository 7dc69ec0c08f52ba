using ClassifyPipeline.Corpus;

namespace ClassifyPipeline.Cluster.Model;

/// <summary>A <see cref="StorySummary"/> as it crosses grain boundaries and is stored: times as UTC ticks, the profile as two arrays.</summary>
[GenerateSerializer, Immutable]
public sealed record SummaryRecord(
    string StoryId,
    string ThreadId,
    string LeadId,
    string? LeadTitle,
    long? FirstTicks,
    long? LastTicks,
    int Size,
    string[] Outlets,
    string? FirstOutlet,
    string[] Terms,
    float[] Weights)
{
    public static SummaryRecord From(StorySummary s) => new(
        s.StoryId, s.ThreadId, s.LeadId, s.LeadTitle, s.First?.UtcTicks, s.Last?.UtcTicks, s.Size, [.. s.Outlets], s.FirstOutlet,
        s.Profile.Select(t => t.Term).ToArray(), s.Profile.Select(t => t.Weight).ToArray());

    public StorySummary ToSummary() => new(
        StoryId, ThreadId, LeadId, LeadTitle,
        FirstTicks is { } f ? new DateTimeOffset(f, TimeSpan.Zero) : null,
        LastTicks is { } l ? new DateTimeOffset(l, TimeSpan.Zero) : null,
        Size, Outlets, FirstOutlet, Terms.Zip(Weights, (t, w) => new ProfileTerm(t, w)).ToList());
}

/// <summary>One batch's changes to a corpus's thread index (<see cref="ThreadChanges"/>), applied in this order: removals, upserts, aliases.</summary>
[GenerateSerializer, Immutable]
public sealed record ThreadIndexChanges(SummaryRecord[] Upserts, string[] RemovedStories, Dictionary<string, string> Aliases)
{
    public static ThreadIndexChanges From(ThreadChanges c) =>
        new([.. c.Upserts.Select(SummaryRecord.From)], [.. c.RemovedStories], new Dictionary<string, string>(c.Aliases, StringComparer.Ordinal));
}

/// <summary>What a thread index holds: every live story's summary and the thread aliases.</summary>
[GenerateSerializer, Immutable]
public sealed record ThreadsView(SummaryRecord[] Stories, Dictionary<string, string> Aliases);
