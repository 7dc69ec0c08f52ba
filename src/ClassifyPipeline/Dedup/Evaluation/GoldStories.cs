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
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        int idColumn = -1, storyColumn = -1, width = 0;
        foreach (var row in CsvParser.Parse(reader))
        {
            if (width == 0)
            {
                width = row.Fields.Length;
                idColumn = Find(row.Fields, IdColumns);
                storyColumn = Find(row.Fields, StoryColumns);
                if (idColumn < 0 || storyColumn < 0)
                    throw new InvalidDataException($"{name} line {row.Line}: the header needs an id column ({string.Join(" or ", IdColumns)}) and a story column ({string.Join(" or ", StoryColumns)}), found '{string.Join(",", row.Fields)}'");
                continue;
            }
            if (row.Fields.Length == 1 && string.IsNullOrWhiteSpace(row.Fields[0]))
                continue;
            if (!row.Complete || row.Fields.Length != width)
                throw new InvalidDataException($"{name} line {row.Line}: expected {width} fields as in the header, found {row.Fields.Length}");
            var id = row.Fields[idColumn].Trim();
            var story = row.Fields[storyColumn].Trim();
            if (id.Length == 0 || story.Length == 0)
                throw new InvalidDataException($"{name} line {row.Line}: empty id or story");
            if (!result.TryAdd(id, story))
                throw new InvalidDataException($"{name} line {row.Line}: id '{id}' appears twice");
        }
        if (width == 0)
            throw new InvalidDataException($"{name}: empty file, no header");
        return result;
    }

    private static int Find(string[] header, string[] names)
    {
        for (var i = 0; i < header.Length; i++)
        {
            foreach (var n in names)
            {
                if (string.Equals(header[i].Trim(), n, StringComparison.OrdinalIgnoreCase))
                    return i;
            }
        }
        return -1;
    }
}
