using ClassifyPipeline.Articles;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ClassifyPipeline.Reports;

/// <summary>Shared JSON writer settings: compact, UTF-8 text unescaped except what JSON requires and HTML-significant characters.</summary>
internal static class JsonOutput
{
    public static readonly JsonWriterOptions Line = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static readonly JsonSerializerOptions Serializer = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Rounds a score for output so that the same run gives the same bytes across platforms.</summary>
    public static double Round(double value) => Math.Round(value, 4);

    public static void WriteLines<T>(Stream stream, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        foreach (var item in items)
        {
            using (var writer = new Utf8JsonWriter(stream, Line))
                writeItem(writer, item);
            stream.WriteByte((byte)'\n');
        }
    }

    /// <summary>A publication time in ISO 8601 at its stated precision (<see cref="PublishedTime.ToString"/>), or null.</summary>
    public static void WriteDate(Utf8JsonWriter writer, string name, PublishedTime? value)
    {
        if (value is { } v)
            writer.WriteString(name, v.ToString());
        else
            writer.WriteNull(name);
    }

    public static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, Round(v));
        else
            writer.WriteNull(name);
    }
}
