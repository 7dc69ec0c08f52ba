using System.Text.Json;
using ClassifyPipeline.Dedup;

namespace ClassifyPipeline.Reports;

/// <summary>Writes <c>stories.jsonl</c>: each story with its members and every edge (cosine, tier, shared terms).</summary>
public static class StoriesJsonlWriter
{
    /// <param name="threadOf">Each story's thread (null or missing: <c>threadId</c> is null).</param>
    public static void Write(Stream stream, IEnumerable<Story> stories, IReadOnlyDictionary<string, string>? threadOf = null) =>
        JsonOutput.WriteLines(stream, stories, (w, s) => WriteStory(w, s, threadOf?.GetValueOrDefault(s.Id)));

    private static void WriteStory(Utf8JsonWriter w, Story story, string? threadId)
    {
        w.WriteStartObject();
        w.WriteString("storyId", story.Id);
        w.WriteString("threadId", threadId);
        w.WriteString("lead", story.LeadId);
        w.WriteNumber("size", story.Members.Count);
        w.WriteStartArray("members");
        foreach (var m in story.Members)
            w.WriteStringValue(m);
        w.WriteEndArray();
        w.WriteStartArray("edges");
        foreach (var e in story.Edges)
        {
            w.WriteStartObject();
            w.WriteString("from", e.From);
            w.WriteString("to", e.To);
            w.WriteNumber("cosine", JsonOutput.Round(e.Cosine));
            w.WriteString("tier", e.Tier == EdgeTier.Duplicate ? "duplicate" : "story");
            w.WriteStartArray("sharedTerms");
            foreach (var t in e.SharedTerms)
                w.WriteStringValue(t);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
