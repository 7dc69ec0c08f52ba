using System.Globalization;
using System.Net;
using ClassifyPipeline.Pipeline;

namespace ClassifyPipeline.Reports;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page (inline CSS, no scripts, no external requests).
/// Everything taken from an article is HTML-encoded; links are kept only for http(s) URLs.
/// </summary>
public static class HtmlReport
{
    public static void Write(TextWriter w, RunResult run)
    {
        var stories = StoryView.From(run);
        w.Write("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>ClassifyPipeline report</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#222}
            table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
            th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
            th{background:#f4f4f4}.dup{color:#a33}.terms{color:#555;font-size:.8rem}
            section.story{border-left:4px solid #4a7;padding-left:1rem;margin-bottom:1rem}
            </style>
            </head>
            <body>
            <h1>ClassifyPipeline report</h1>

            """);
        w.WriteLine($"<p>{run.Articles.Count} articles, {stories.Count} stories, {run.Articles.Count(a => a.Dedup.DuplicateOf is not null)} duplicates, {run.Rejections.Count} rejected.</p>");
        w.WriteLine("<h2>Stories</h2>");
        foreach (var story in stories)
        {
            w.WriteLine($"<section class=\"story\" id=\"{E(story.Story.Id)}\">");
            w.WriteLine($"<h3>{E(story.Lead.Clean.Title)}</h3>");
            w.WriteLine($"<p>Story <code>{E(story.Story.Id)}</code>, {story.Articles.Count} article(s).</p>");
            w.WriteLine("<table><thead><tr><th>article</th><th>source</th><th>published</th><th>topic</th><th>stance</th><th>similarity</th><th>shared terms</th></tr></thead><tbody>");
            foreach (var a in story.Articles)
            {
                var edge = story.BestEdge(a.Id);
                var similarity = a.Dedup.DuplicateOf is { } original
                    ? $"<span class=\"dup\">duplicate of <code>{E(original)}</code> ({Number(a.Dedup.DuplicateSimilarity)})</span>"
                    : Number(a.Dedup.StorySimilarity);
                w.WriteLine($"<tr><td>{Title(a)} <code>{E(a.Id)}</code></td><td>{E(a.Clean.Article.Source)}</td><td>{Date(a.Clean.Article.Published)}</td><td>{E(a.Topic?.Label ?? "—")}</td><td>{E(a.Stance?.Stance ?? "—")}</td><td>{similarity}</td><td class=\"terms\">{E(edge is null ? "—" : string.Join(", ", edge.SharedTerms))}</td></tr>");
            }
            w.WriteLine("</tbody></table></section>");
        }
        if (run.Rejections.Count > 0)
        {
            w.WriteLine("<h2>Rejected</h2><ul>");
            foreach (var r in run.Rejections)
                w.WriteLine($"<li><code>{E(Path.GetFileName(r.Input))}</code> {E(r.Location)}: {E(r.Reason)}</li>");
            w.WriteLine("</ul>");
        }
        w.WriteLine("</body>\n</html>");
    }

    private static string Title(ArticleResult a)
    {
        var url = a.Clean.Article.Url;
        return SafeUrl(url) ? $"<a href=\"{E(url)}\" rel=\"noopener noreferrer\">{E(a.Clean.Title)}</a>" : E(a.Clean.Title);
    }

    /// <summary>Only absolute http and https links are rendered as links; <c>javascript:</c>, <c>data:</c> and the rest are not.</summary>
    public static bool SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Number(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    private static string Date(DateTimeOffset? value) => value?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";
}
