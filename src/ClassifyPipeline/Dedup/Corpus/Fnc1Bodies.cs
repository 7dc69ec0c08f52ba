using ClassifyPipeline.Articles;
using ClassifyPipeline.Ingest;

namespace ClassifyPipeline.Dedup.Corpus;

/// <summary>
/// Reads FNC-1's <c>train_bodies.csv</c> (<c>Body ID,articleBody</c>) as articles: id = Body ID, body = articleBody,
/// title = the body's first line. The bodies have no headline; marking the first line as the title keeps the
/// cleaner's title picker from choosing a later line and dropping the lines above it, so every line is analyzed once.
/// </summary>
public static class Fnc1Bodies
{
    public static List<Article> Read(TextReader reader, string name)
    {
        var result = new List<Article>();
        int idColumn = -1, bodyColumn = -1, width = 0;
        foreach (var row in CsvParser.Parse(reader))
        {
            if (width == 0)
            {
                width = row.Fields.Length;
                idColumn = Array.FindIndex(row.Fields, f => f.Trim() == "Body ID");
                bodyColumn = Array.FindIndex(row.Fields, f => f.Trim() == "articleBody");
                if (idColumn < 0 || bodyColumn < 0)
                    throw new InvalidDataException($"{name} line {row.Line}: expected the FNC-1 header 'Body ID,articleBody'");
                continue;
            }
            if (!row.Complete || row.Fields.Length != width)
                throw new InvalidDataException($"{name} line {row.Line}: expected {width} fields, found {row.Fields.Length}");
            var body = row.Fields[bodyColumn];
            var firstLine = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            result.Add(new Article(row.Fields[idColumn].Trim(), "fnc1", null, firstLine, body, null));
        }
        return result;
    }
}
