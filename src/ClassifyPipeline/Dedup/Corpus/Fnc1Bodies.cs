using ClassifyPipeline.Articles;
using ClassifyPipeline.Ingest;

namespace ClassifyPipeline.Dedup.Corpus;

/// <summary>Reads FNC-1's <c>train_bodies.csv</c> (<c>Body ID,articleBody</c>) as articles: id = Body ID, body = articleBody.</summary>
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
            result.Add(new Article(row.Fields[idColumn].Trim(), "fnc1", null, null, row.Fields[bodyColumn], null));
        }
        return result;
    }
}
