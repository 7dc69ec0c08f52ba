using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Reports;

/// <summary>Writes <c>rejected.jsonl</c>: each input or record that could not be read, where, and why.</summary>
public static class RejectionsJsonlWriter
{
    public static void Write(Stream stream, IEnumerable<Rejection> rejections) =>
        JsonOutput.WriteLines(stream, rejections, (w, r) =>
        {
            w.WriteStartObject();
            w.WriteString("input", r.Input);
            w.WriteString("location", r.Location);
            w.WriteString("reason", r.Reason);
            w.WriteEndObject();
        });
}
