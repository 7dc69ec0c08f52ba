using System.Text.Json;

namespace ClassifyPipeline.Ingest;

/// <summary>One JSON Lines record: parsing a line as an object and reading its flat fields, shared by every JSON Lines reader.</summary>
public static class JsonRecord
{
    /// <summary>The line parsed as a JSON object (the caller disposes it), or null with the reason in <paramref name="error"/>.</summary>
    public static JsonDocument? ParseObject(string line, out string? error) => Checked(() => JsonDocument.Parse(line), out error);

    /// <summary>
    /// The line's UTF-8 bytes parsed as a JSON object, as <see cref="ParseObject(string, out string?)"/>; the document
    /// reads <paramref name="utf8"/> in place, so the bytes must not change until it is disposed.
    /// </summary>
    public static JsonDocument? ParseObject(ReadOnlyMemory<byte> utf8, out string? error) => Checked(() => JsonDocument.Parse(utf8), out error);

    private static JsonDocument? Checked(Func<JsonDocument> parse, out string? error)
    {
        JsonDocument document;
        try
        {
            document = parse();
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

    /// <summary>A field holding a name or a list of names (<c>"author": ["A", "B"]</c>) as one string, joined with ", "; else as <see cref="Field"/>.</summary>
    public static string? Names(JsonElement record, string name)
    {
        foreach (var property in record.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Array || !string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                continue;
            var names = property.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String)
                .Select(v => v.GetString()!.Trim()).Where(v => v.Length > 0).ToList();
            return names.Count == 0 ? null : string.Join(", ", names);
        }
        return Field(record, name);
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
