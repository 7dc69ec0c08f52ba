using System.Text.Json;
using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Tools.Corpus;

/// <summary>Writes articles as input JSON lines (<c>id, title, text, published, source</c>), the format <c>classify run</c> reads.</summary>
public static class ArticleJsonl
{
    private static readonly JsonWriterOptions Line = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream stream, IEnumerable<Article> articles)
    {
        foreach (var a in articles)
        {
            using (var w = new Utf8JsonWriter(stream, Line))
                WriteOne(w, a);
            stream.WriteByte((byte)'\n');
        }
    }

    private static void WriteOne(Utf8JsonWriter w, Article a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        if (a.Title is not null)
            w.WriteString("title", a.Title);
        w.WriteString("text", a.Body);
        if (a.Published is { } p)
            w.WriteString("published", p.ToString());
        w.WriteString("source", a.Source);
        w.WriteEndObject();
    }
}
