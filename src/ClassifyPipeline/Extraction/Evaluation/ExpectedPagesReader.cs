using System.Text.Json;
using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Extraction.Evaluation;

/// <summary>
/// Reads a labeled page set's <c>expected.jsonl</c>: one object per page with <c>page</c> (required), <c>text</c>,
/// and optionally <c>title</c>, <c>byline</c> or <c>author</c>, <c>siteName</c> or <c>source</c>,
/// <c>publishedTime</c> or <c>published</c> (ISO 8601; a value that starts with a date is read by its date), <c>lang</c>.
/// </summary>
public static class ExpectedPagesReader
{
    /// <exception cref="InvalidDataException">A line that is not such an object, named by its number.</exception>
    public static List<ExpectedPage> Read(TextReader reader, string origin)
    {
        var pages = new List<ExpectedPage>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || String(root, "page") is not { Length: > 0 } page)
                    throw new InvalidDataException($"{origin} line {number}: expected an object with a string 'page'");
                pages.Add(new ExpectedPage(page, String(root, "title"), String(root, "byline") ?? String(root, "author"),
                    String(root, "siteName") ?? String(root, "source"), Date(String(root, "publishedTime") ?? String(root, "published")),
                    String(root, "lang"), String(root, "text") ?? ""));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{origin} line {number}: not JSON ({e.Message})");
            }
        }
        return pages;
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static PublishedTime? Date(string? value)
    {
        if (PublishedTime.TryParse(value, out var time))
            return time;
        return value is { Length: >= 10 } && PublishedTime.TryParse(value[..10], out var day) ? day : null;
    }
}
