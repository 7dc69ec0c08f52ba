using System.Globalization;
using ClassifyPipeline.Pipeline;

namespace ClassifyPipeline.Reports;

/// <summary>Writes <c>report.md</c>: the run's summary and its stories, largest coverage first. Article text is escaped for Markdown.</summary>
public static class MarkdownReport
{
    public static void Write(TextWriter w, RunResult run)
    {
        var stories = StoryView.From(run);
        var duplicates = run.Articles.Count(a => a.Dedup.DuplicateOf is not null);
        w.WriteLine("# ClassifyPipeline run");
        w.WriteLine();
        w.WriteLine($"- Articles: {run.Articles.Count}");
        w.WriteLine($"- Stories: {stories.Count} ({stories.Count(s => s.Articles.Count > 1)} with more than one article)");
        w.WriteLine($"- Duplicates (re-publications): {duplicates}");
        w.WriteLine($"- Rejected inputs or records: {run.Rejections.Count}");
        w.WriteLine();
        w.WriteLine("## Stories");
        foreach (var story in stories)
        {
            w.WriteLine();
            w.WriteLine($"### {Escape(story.Lead.Clean.Title)}");
            w.WriteLine();
            w.WriteLine($"Story `{story.Story.Id}`, {story.Articles.Count} article(s).");
            w.WriteLine();
            w.WriteLine("| article | source | published | topic | stance | similarity | shared terms |");
            w.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var a in story.Articles)
            {
                var edge = story.BestEdge(a.Id);
                var similarity = a.Dedup.DuplicateOf is { } original
                    ? $"duplicate of `{original}` ({Number(a.Dedup.DuplicateSimilarity)})"
                    : Number(a.Dedup.StorySimilarity);
                w.WriteLine($"| {Escape(a.Clean.Title)} (`{a.Id}`) | {Escape(a.Clean.Article.Source)} | {Date(a.Clean.Article.Published)} | {Escape(a.Topic?.Label ?? "—")} | {Escape(a.Stance?.Stance ?? "—")} | {similarity} | {Escape(edge is null ? "—" : string.Join(", ", edge.SharedTerms))} |");
            }
        }
        if (run.Rejections.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("## Rejected");
            w.WriteLine();
            foreach (var r in run.Rejections)
                w.WriteLine($"- `{Path.GetFileName(r.Input)}`{(r.Location is null ? "" : " " + Escape(r.Location))}: {Escape(r.Reason)}");
        }
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    private static string Date(DateTimeOffset? value) => value?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>Escapes Markdown and HTML-significant characters so article text renders as text.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "—";
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\n' or '\r': sb.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#':
                    sb.Append('\\').Append(c);
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
