using System.Text.Json;
using ClassifyPipeline.Pipeline;

namespace ClassifyPipeline.Reports;

/// <summary>Writes <c>run.json</c>: the inputs, the configuration used, counts, stage timings and the version.</summary>
public static class RunManifest
{
    public static void Write(Stream stream, RunResult run, IReadOnlyList<string> inputs, PipelineOptions options, DateTimeOffset startedAt, DateTimeOffset finishedAt)
    {
        using var w = new Utf8JsonWriter(stream, JsonOutput.Indented);
        w.WriteStartObject();
        w.WriteString("tool", "ClassifyPipeline");
        w.WriteString("version", typeof(RunManifest).Assembly.GetName().Version?.ToString(3));
        w.WriteString("startedAt", startedAt.ToUniversalTime().ToString("O"));
        w.WriteString("finishedAt", finishedAt.ToUniversalTime().ToString("O"));
        w.WriteStartArray("inputs");
        foreach (var i in inputs)
            w.WriteStringValue(i);
        w.WriteEndArray();
        w.WriteStartObject("counts");
        w.WriteNumber("files", run.FilesRead);
        w.WriteNumber("articles", run.Articles.Count);
        w.WriteNumber("rejected", run.Rejections.Count);
        w.WriteNumber("stories", run.Stories.Count);
        w.WriteNumber("multiArticleStories", run.Stories.Count(s => s.Members.Count > 1));
        w.WriteNumber("threads", run.Threads.Threads.Count);
        w.WriteNumber("multiStoryThreads", run.Threads.Threads.Count(t => t.Stories.Count > 1));
        w.WriteNumber("duplicates", run.Articles.Count(a => a.Dedup.DuplicateOf is not null));
        w.WriteNumber("withTopic", run.Articles.Count(a => a.Topic?.Label is not null));
        w.WriteNumber("withStance", run.Articles.Count(a => a.Stance is not null));
        w.WriteEndObject();
        w.WriteStartObject("timingsMs");
        foreach (var t in run.Timings)
            w.WriteNumber(t.Stage, Math.Round(t.Elapsed.TotalMilliseconds, 1));
        w.WriteEndObject();
        w.WritePropertyName("configuration");
        JsonSerializer.Serialize(w, options, JsonOutput.Serializer);
        w.WriteEndObject();
    }
}
