using System.Net;

namespace ClassifyPipeline.Reports;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page (inline CSS, charts as <c>data:</c> PNGs, one inline script
/// allowed by its hash, a Content-Security-Policy that forbids any request). It leads with an overview (biggest and
/// fastest-growing stories and threads), then the charts, the threads' timelines, who reported first and who
/// re-published whom, a sortable and filterable table of the stories (one line each), and the largest stories in full;
/// <see cref="ReportLimits"/> caps each part, so the page stays small at any corpus size. Everything taken from an
/// article is HTML-encoded; links are kept only for http(s) URLs.
/// </summary>
public static class HtmlReport
{
    public static void Write(TextWriter w, ReportModel model)
    {
        var overview = ReportOverview.Build(model);
        var stories = overview.Stories;
        w.Write($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src {{ReportScript.Hash}}">
            <meta name="referrer" content="no-referrer">
            <title>ClassifyPipeline report</title>
            <style>
            body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}
            table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
            th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
            th{background:#f4f4f4}.dup{color:#a33}.terms{color:#555;font-size:.8rem}.meta{color:#555;margin:.2rem 0}
            section.story{border-left:4px solid #4a7;padding-left:1rem;margin-bottom:1.5rem}
            section.thread{border-left:4px solid #47c;padding-left:1rem;margin-bottom:1.5rem}
            .charts,.overview{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem}
            .charts{grid-template-columns:repeat(auto-fit,minmax(30rem,1fr))}
            figure{margin:0}figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption,.nodata{color:#555;font-size:.85rem}.nodata{border:1px dashed #ccc;padding:1rem}
            code{font-size:.8rem}#stories-table th{cursor:pointer}#stories-table th[aria-sort=ascending]::after{content:" ▲"}
            #stories-table th[aria-sort=descending]::after{content:" ▼"}ol{padding-left:1.5rem}
            </style>
            </head>
            <body>
            <h1>ClassifyPipeline report</h1>

            """);
        var sources = model.Articles.Select(a => a.Source).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        w.WriteLine($"<p id=\"summary\">{model.Articles.Count} articles from {sources} source(s), {stories.Count} stories ({stories.Count(s => s.Articles.Count > 1)} with more than one article), {overview.Threads.Count} threads of more than one story, {overview.Duplicates} duplicates, {model.Rejections.Count} rejected.</p>");
        HtmlSections.Overview(w, overview);

        w.WriteLine("<h2>Charts</h2>\n<div class=\"charts\">");
        Chart(w, "Coverage over time", ReportCharts.CoverageOverTime(model), "no article has a published time");
        Chart(w, "Similarity distribution", ReportCharts.SimilarityDistribution(model), "no two articles matched");
        Chart(w, "Topics", ReportCharts.Topics(model), "no article has a topic label");
        Chart(w, "Stance per story", ReportCharts.StancePerStory(stories), "no article has a stance label");
        w.WriteLine("</div>");

        HtmlSections.Threads(w, overview);
        HtmlSections.Outlets(w, overview);
        HtmlSections.StoryTable(w, overview);

        w.WriteLine($"<h2 id=\"top-stories\">The {Math.Min(ReportLimits.FullStories, stories.Count)} largest stories in full</h2>");
        foreach (var story in stories.Take(ReportLimits.FullStories))
            WriteStory(w, story);
        if (stories.Count > ReportLimits.FullStories)
            w.WriteLine($"<p class=\"meta\">{stories.Count - ReportLimits.FullStories} more stories are in the table above and, with every article and edge, in stories.jsonl and articles.jsonl.</p>");

        if (model.Rejections.Count > 0)
        {
            w.WriteLine("<h2>Rejected</h2><ul id=\"rejected\">");
            foreach (var r in model.Rejections.Take(ReportLimits.Rejections))
                w.WriteLine($"<li><code>{E(Path.GetFileName(r.Input))}</code> {E(r.Location)}: {E(r.Reason)}</li>");
            w.WriteLine("</ul>");
            if (model.Rejections.Count > ReportLimits.Rejections)
                w.WriteLine($"<p class=\"meta\">{model.Rejections.Count - ReportLimits.Rejections} more in rejected.jsonl.</p>");
        }
        w.WriteLine($"<script>{ReportScript.Text}</script>");
        w.WriteLine("</body>\n</html>");
    }

    private static void WriteStory(TextWriter w, StoryView story)
    {
        var first = ReportOverview.FirstArticle(story);
        w.WriteLine($"<section class=\"story\" id=\"story-{story.Rank}\">");
        w.WriteLine($"<h3>#{story.Rank} {E(story.Lead.Title)}</h3>");
        w.WriteLine($"<p class=\"meta\">Story <code>{E(story.Story.Id)}</code>: {story.Articles.Count} article(s) from {story.SourceCount} source(s), {E(ReportText.TimeSpan(story))}. First reported by {E(first.Source ?? "—")}, {ReportText.Date(first.Published)}.{(story.Lead.ThreadId is { } t ? $" Thread <code>{E(t)}</code>." : "")}</p>");
        w.WriteLine("<table><thead><tr><th>article</th><th>source</th><th>published</th><th>topic</th><th>stance</th><th>similarity</th><th>shared terms</th></tr></thead><tbody>");
        foreach (var a in story.Articles.Take(ReportLimits.ArticlesPerStory))
        {
            var similarity = a.DuplicateOf is { } original
                ? $"<span class=\"dup\">duplicate of <code>{E(original)}</code> ({ReportText.Number(a.DuplicateSimilarity)})</span>"
                : ReportText.Number(a.StorySimilarity);
            w.WriteLine($"<tr class=\"article\"><td>{Title(a)} <code>{E(a.Id)}</code></td><td>{E(a.Source ?? "—")}</td><td>{ReportText.Date(a.Published)}</td><td>{E(a.Topic ?? "—")}</td><td>{E(ReportText.Stance(a))}</td><td>{similarity}</td><td class=\"terms\">{E(ReportText.SharedTerms(story, a))}</td></tr>");
        }
        w.WriteLine("</tbody></table>");
        if (story.Articles.Count > ReportLimits.ArticlesPerStory)
            w.WriteLine($"<p class=\"meta\">{story.Articles.Count - ReportLimits.ArticlesPerStory} more articles of this story in articles.jsonl (storyId <code>{E(story.Story.Id)}</code>).</p>");
        var chains = story.DuplicateChains();
        if (chains.Count > 0)
        {
            w.WriteLine("<p class=\"meta\">Duplicate chains (original → re-publications):</p><ul class=\"chains\">");
            foreach (var chain in chains.Take(ReportLimits.Overview))
            {
                var copies = string.Join(", ", chain.Copies.Take(ReportLimits.ArticlesPerStory).Select(c => $"{E(c.Source ?? "—")} <code>{E(c.Id)}</code> ({ReportText.Number(c.DuplicateSimilarity)})"));
                var more = chain.Copies.Count > ReportLimits.ArticlesPerStory ? $" and {chain.Copies.Count - ReportLimits.ArticlesPerStory} more" : "";
                w.WriteLine($"<li>{E(chain.Original?.Source ?? "—")} <code>{E(chain.OriginalId)}</code> → {copies}{more}</li>");
            }
            w.WriteLine("</ul>");
        }
        w.WriteLine("</section>");
    }

    private static void Chart(TextWriter w, string title, string? dataUri, string noData)
    {
        w.WriteLine(dataUri is null
            ? $"<figure><figcaption>{E(title)}</figcaption><p class=\"nodata\">No data: {E(noData)}.</p></figure>"
            : $"<figure><img src=\"{dataUri}\" alt=\"{E(title)}\" width=\"800\" height=\"320\"><figcaption>{E(title)}</figcaption></figure>");
    }

    internal static string Title(ReportArticle a) =>
        SafeUrl(a.Url) ? $"<a href=\"{E(a.Url)}\" rel=\"noopener noreferrer\">{E(a.Title)}</a>" : E(a.Title);

    /// <summary>Only absolute http and https links are rendered as links; <c>javascript:</c>, <c>data:</c> and the rest are not.</summary>
    public static bool SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    internal static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
