using System.Text.Json;
using ClassifyPipeline.Text;

namespace ClassifyPipeline.Reports;

/// <summary>
/// Writes what <c>classify extract</c> prints: one JSON object per article, in input order, with <c>id</c>,
/// <c>title</c>, <c>text</c> (the cleaned body, one paragraph per line), <c>source</c>, <c>author</c>, <c>url</c>,
/// <c>published</c> and <c>modified</c> (ISO 8601 at the precision the input gives), <c>lang</c> and <c>input</c>
/// (<c>{"file", "location"}</c>). Absent values are null.
/// </summary>
public static class ExtractJsonlWriter
{
    public static void Write(Stream stream, IEnumerable<CleanArticle> articles) => JsonOutput.WriteLines(stream, articles, WriteArticle);

    /// <summary>One article's line, with its <c>\n</c>.</summary>
    public static void WriteLine(Stream stream, CleanArticle article) => JsonOutput.WriteLines(stream, [article], WriteArticle);

    /// <summary>One article's line as text, without a line break.</summary>
    public static string ToLine(CleanArticle article)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOutput.Line))
            WriteArticle(writer, article);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteArticle(Utf8JsonWriter w, CleanArticle clean)
    {
        var a = clean.Article;
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("title", clean.Title);
        w.WriteString("text", clean.Body);
        w.WriteString("source", a.Source);
        w.WriteString("author", a.Author);
        w.WriteString("url", a.Url);
        JsonOutput.WriteDate(w, "published", a.Published);
        JsonOutput.WriteDate(w, "modified", a.Modified);
        w.WriteString("lang", a.Lang);
        if (a.Input is { } input)
        {
            w.WriteStartObject("input");
            w.WriteString("file", input.File);
            w.WriteString("location", input.Location);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("input");
        }
        w.WriteEndObject();
    }
}
