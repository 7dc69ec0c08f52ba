using System.Globalization;
using System.Text.Json;
using ClassifyPipeline.Corpus;
using ClassifyPipeline.Threads;

namespace ClassifyPipeline.Reports;

/// <summary>
/// Writes <c>threads.jsonl</c>: every thread holding a story of the run, earliest first, with all its stories (earlier
/// batches' too, with <c>--state</c>) in time order: dates, size, outlets and the first outlet to report each.
/// </summary>
public static class ThreadsJsonlWriter
{
    /// <summary>How many of a thread's heaviest profile terms are written (its subject at a glance).</summary>
    public const int Terms = 8;

    public static void Write(Stream stream, IEnumerable<StoryThread> threads) => JsonOutput.WriteLines(stream, threads, WriteThread);

    /// <summary>A time as threads.jsonl keeps it: UTC, whole seconds.</summary>
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The thread's heaviest terms: its stories' profiles summed, weighted by their sizes; ties by term.</summary>
    public static IReadOnlyList<string> TopTerms(StoryThread thread, int count = Terms)
    {
        var sum = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in thread.Stories)
        {
            foreach (var t in s.Profile)
                sum[t.Term] = sum.GetValueOrDefault(t.Term) + (double)t.Weight * s.Size;
        }
        return sum.OrderByDescending(p => Math.Round(p.Value, 6)).ThenBy(p => p.Key, StringComparer.Ordinal).Take(count).Select(p => p.Key).ToList();
    }

    private static void WriteThread(Utf8JsonWriter w, StoryThread thread)
    {
        w.WriteStartObject();
        w.WriteString("threadId", thread.Id);
        w.WriteNumber("size", thread.Stories.Count);
        w.WriteNumber("articles", thread.Articles);
        WriteTime(w, "first", thread.First);
        WriteTime(w, "last", thread.Last);
        w.WriteStartArray("terms");
        foreach (var t in TopTerms(thread))
            w.WriteStringValue(t);
        w.WriteEndArray();
        w.WriteStartArray("stories");
        foreach (var s in thread.Stories)
            WriteStory(w, s);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteStory(Utf8JsonWriter w, StorySummary s)
    {
        w.WriteStartObject();
        w.WriteString("storyId", s.StoryId);
        w.WriteString("lead", s.LeadId);
        w.WriteString("title", s.LeadTitle);
        WriteTime(w, "first", s.First);
        WriteTime(w, "last", s.Last);
        w.WriteNumber("size", s.Size);
        w.WriteString("firstOutlet", s.FirstOutlet);
        w.WriteStartArray("outlets");
        foreach (var o in s.Outlets)
            w.WriteStringValue(o);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v)
            w.WriteString(name, Time(v));
        else
            w.WriteNull(name);
    }
}
