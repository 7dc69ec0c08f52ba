using System.Text.Json;

namespace ClassifyPipeline.Ingest;

/// <summary>One JSON Lines record: parsing a line as an object and reading its flat fields, shared by every JSON Lines reader.</summary>
public static class JsonRecord
{
    /// <summary>The line parsed as a JSON object (the caller disposes it), or null with the reason in <paramref name="error"/>.</summary>
    public static JsonDocument? ParseObject(string line, out string? error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            error = $"malformed JSON: {e.Message}";
            return null;
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            error = $"expected a JSON object, found {document.RootElement.ValueKind}";
            document.Dispose();
            return null;
        }
        error = null;
        return document;
    }

    /// <summary>A string, number or boolean field as text (name matched case-insensitively), else null.</summary>
    public static string? Field(JsonElement record, string name)
    {
        foreach (var property in record.EnumerateObject())
        {
            if (!property.NameEquals(name) && !string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                continue;
            return property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                _ => null,
            };
        }
        return null;
    }
}
