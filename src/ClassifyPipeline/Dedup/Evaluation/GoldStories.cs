using ClassifyPipeline.Ingest;

namespace ClassifyPipeline.Dedup.Evaluation;

/// <summary>
/// Reads a gold story file: CSV with a header naming an id column (<c>id</c> or FNC-1's <c>Body ID</c>)
/// and a story column (<c>story</c>, <c>storyId</c> or <c>Story ID</c>).
/// </summary>
public static class GoldStories
{
    private static readonly string[] IdColumns = ["id", "Body ID"];
    private static readonly string[] StoryColumns = ["story", "storyId", "Story ID"];

    /// <summary>Id → gold story. Throws <see cref="InvalidDataException"/> naming the line on bad input.</summary>
    public static IReadOnlyDictionary<string, string> Read(TextReader reader, string name)
    {
        var table = CsvTable.Open(reader) ?? throw new InvalidDataException($"{name}: empty file, no header");
        var header = table.HeaderRow;
        var idColumn = Find(table, IdColumns);
        var storyColumn = Find(table, StoryColumns);
        if (idColumn < 0 || storyColumn < 0)
            throw new InvalidDataException($"{name} line {header.Line}: the header needs an id column ({string.Join(" or ", IdColumns)}) and a story column ({string.Join(" or ", StoryColumns)}), found '{string.Join(",", header.Fields)}'");
        if (table.Header.Count != header.Fields.Length)
            throw new InvalidDataException($"{name} line {header.Line}: the header names a column twice: '{string.Join(",", header.Fields)}'");

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in table.Records())
        {
            if (record.Fields is [var only] && string.IsNullOrWhiteSpace(only))
                continue;
            if (record.Error is { } error)
                throw new InvalidDataException($"{name} line {record.Line}: {error}");
            var id = record.Fields[idColumn].Trim();
            var story = record.Fields[storyColumn].Trim();
            if (id.Length == 0 || story.Length == 0)
                throw new InvalidDataException($"{name} line {record.Line}: empty id or story");
            if (!result.TryAdd(id, story))
                throw new InvalidDataException($"{name} line {record.Line}: id '{id}' appears twice");
        }
        return result;
    }

    /// <summary>The leftmost column with one of the names (case-insensitive), or -1.</summary>
    private static int Find(CsvTable table, string[] names)
    {
        var column = -1;
        foreach (var n in names)
        {
            if (table.Header.TryGetValue(n, out var i) && (column < 0 || i < column))
                column = i;
        }
        return column;
    }
}
