using System.Globalization;
using System.Text.Json;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Dedup;

namespace ClassifyPipeline.Reports;

/// <summary>
/// Reads a finished run folder (<c>articles.jsonl</c>, <c>stories.jsonl</c>, <c>rejected.jsonl</c>) back into a
/// <see cref="ReportModel"/>. Fields it does not know are ignored, so it reads runs that carry more than it shows.
/// </summary>
public static class RunFolderReader
{
    public static ReportModel Read(string folder)
    {
        if (!Directory.Exists(folder))
            throw new RunFolderException($"run folder not found: '{folder}'");
        if (!File.Exists(Path.Combine(folder, "run.json")))
            throw new RunFolderException($"'{folder}' is not a finished run folder: run.json is missing (the run did not complete, or this is not a run folder)");
        var articles = ReadLines(Path.Combine(folder, "articles.jsonl"), required: true, ReadArticle);
        var stories = ReadLines(Path.Combine(folder, "stories.jsonl"), required: true, ReadStory);
        var rejections = ReadLines(Path.Combine(folder, "rejected.jsonl"), required: false, ReadRejection);
        var threads = ReadLines(Path.Combine(folder, "threads.jsonl"), required: false, ReadThread);
        return new ReportModel(articles, stories, rejections) { Threads = threads };
    }

    private static List<T> ReadLines<T>(string path, bool required, Func<JsonElement, T> read)
    {
        var items = new List<T>();
        if (!File.Exists(path))
        {
            if (required)
                throw new RunFolderException($"{Path.GetFileName(path)} is missing from the run folder");
            return items;
        }
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                    throw new RunFolderException($"{Path.GetFileName(path)} line {number}: expected a JSON object");
                items.Add(read(document.RootElement));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
            {
                throw new RunFolderException($"{Path.GetFileName(path)} line {number}: {e.Message}");
            }
        }
        return items;
    }

    private static ReportArticle ReadArticle(JsonElement e) => new(
        Required(e, "id"),
        String(e, "title") ?? "",
        String(e, "source"),
        String(e, "url"),
        String(e, "published") is { } p ? (PublishedTime.TryParse(p, out var published) ? published : throw new FormatException($"'published' is not an ISO 8601 time: '{p}'")) : null,
        String(e, "topic"),
        String(e, "stance"),
        Number(e, "stanceConfidence"),
        Required(e, "storyId"),
        String(e, "duplicateOf"),
        Number(e, "duplicateSimilarity"),
        Number(e, "storySimilarity"),
        String(e, "threadId"));

    private static Story ReadStory(JsonElement e)
    {
        var members = e.TryGetProperty("members", out var m) && m.ValueKind == JsonValueKind.Array
            ? m.EnumerateArray().Select(x => x.GetString()!).ToList()
            : [];
        var edges = new List<SimilarityEdge>();
        if (e.TryGetProperty("edges", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var edge in list.EnumerateArray())
            {
                var terms = edge.TryGetProperty("sharedTerms", out var t) && t.ValueKind == JsonValueKind.Array
                    ? t.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
                    : [];
                edges.Add(new SimilarityEdge(Required(edge, "from"), Required(edge, "to"), Number(edge, "cosine") ?? 0,
                    String(edge, "tier") == "duplicate" ? EdgeTier.Duplicate : EdgeTier.Story, terms));
            }
        }
        return new Story(Required(e, "storyId"), String(e, "lead") ?? members.FirstOrDefault() ?? "", members, edges);
    }

    private static ReportThread ReadThread(JsonElement e)
    {
        var terms = e.TryGetProperty("terms", out var t) && t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
        var stories = new List<ReportThreadStory>();
        if (e.TryGetProperty("stories", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in list.EnumerateArray())
            {
                var outlets = s.TryGetProperty("outlets", out var o) && o.ValueKind == JsonValueKind.Array ? o.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
                stories.Add(new ReportThreadStory(Required(s, "storyId"), String(s, "lead") ?? "", String(s, "title"), Time(s, "first"), Time(s, "last"),
                    (int)(Number(s, "size") ?? 0), String(s, "firstOutlet"), outlets));
            }
        }
        return new ReportThread(Required(e, "threadId"), terms, stories);
    }

    private static DateTimeOffset? Time(JsonElement e, string name) =>
        String(e, name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal) : null;

    private static Rejection ReadRejection(JsonElement e) => new(String(e, "input") ?? "", String(e, "location"), String(e, "reason") ?? "");

    private static string Required(JsonElement e, string name) =>
        String(e, name) ?? throw new FormatException($"'{name}' is missing or not a string");

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}

/// <summary>A run folder that cannot be read back: missing, incomplete or corrupt. The message says which file and line.</summary>
public sealed class RunFolderException(string message) : Exception(message);
