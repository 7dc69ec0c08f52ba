using static ClassifyPipeline.Reports.HtmlReport;

namespace ClassifyPipeline.Reports;

/// <summary>The parts of report.html that summarize: overview, thread timelines, outlets, and the story table.</summary>
internal static class HtmlSections
{
    public static void Overview(TextWriter w, ReportOverview o)
    {
        w.WriteLine("<h2 id=\"overview\">Overview</h2>\n<div class=\"overview\">");
        w.WriteLine("<div><h3>Biggest stories</h3>");
        List(w, o.Biggest.Select(s => $"{StoryLink(o, s)} — {s.Articles.Count} articles, {s.SourceCount} source(s)").ToList(), "no story has more than one article");
        w.WriteLine("</div>\n<div><h3>Fastest-growing stories</h3>");
        List(w, o.Growing.Select(s => $"{StoryLink(o, s)} — {o.Growth[s.Story.Id]} articles in the last {ReportLimits.GrowthDays} days").ToList(),
            $"no story gained two articles in the last {ReportLimits.GrowthDays} days");
        w.WriteLine("</div>\n<div><h3>Threads</h3>");
        List(w, o.Threads.Take(ReportLimits.Overview).Select(t => $"{ThreadLink(o, t)} — {t.Stories.Count} stories, {t.Articles} articles, {ReportOverview.Day(t.First)} to {ReportOverview.Day(t.Last)}").ToList(),
            "no two stories continue one subject");
        w.WriteLine("</div>\n<div><h3>Fastest-growing threads</h3>");
        List(w, o.GrowingThreads.Select(p => $"{ThreadLink(o, p.Thread)} — {p.Growth} articles in the last {ReportLimits.GrowthDays} days").ToList(),
            $"no thread gained two articles in the last {ReportLimits.GrowthDays} days");
        w.WriteLine("</div>\n</div>");
    }

    public static void Threads(TextWriter w, ReportOverview o)
    {
        w.WriteLine("<h2 id=\"threads\">Threads</h2>");
        if (o.Threads.Count == 0)
        {
            w.WriteLine("<p class=\"nodata\">No data: no two stories continue one subject.</p>");
            return;
        }
        w.WriteLine($"<p class=\"meta\">Stories that continue one subject (the same actors, places and claims), however far apart in time: the {Math.Min(ReportLimits.Threads, o.Threads.Count)} with the most stories of {o.Threads.Count}; all are in threads.jsonl.</p>");
        if (ReportCharts.ThreadTimeline(o.Threads) is { } chart)
            w.WriteLine($"<figure><img src=\"{chart}\" alt=\"Threads over time\" width=\"800\" height=\"320\"><figcaption>Threads over time: the {Math.Min(10, o.Threads.Count)} largest, a dot per story at its first date, sized by its articles</figcaption></figure>");
        foreach (var t in o.Threads.Take(ReportLimits.Threads))
        {
            w.WriteLine($"<section class=\"thread\" id=\"thread-{E(t.Id)}\">");
            w.WriteLine($"<h3>{E(string.Join(", ", t.Terms))}</h3>");
            w.WriteLine($"<p class=\"meta\">Thread <code>{E(t.Id)}</code>: {t.Stories.Count} stories, {t.Articles} articles, {ReportOverview.Day(t.First)} to {ReportOverview.Day(t.Last)}.</p>");
            w.WriteLine("<table class=\"timeline\"><thead><tr><th>date</th><th>story</th><th>articles</th><th>first to report</th><th>outlets</th></tr></thead><tbody>");
            foreach (var s in t.Stories.Take(ReportLimits.StoriesPerThread))
            {
                var dates = s.First is { } f && s.Last is { } l && ReportOverview.Day(f) != ReportOverview.Day(l) ? $"{ReportOverview.Day(f)} to {ReportOverview.Day(l)}" : ReportOverview.Day(s.First);
                var title = E(s.Title ?? s.LeadId);
                var story = o.Rank.TryGetValue(s.StoryId, out var rank) && rank <= ReportLimits.FullStories ? $"<a href=\"#story-{rank}\">{title}</a>" : title;
                var outlets = string.Join(", ", s.Outlets.Take(8).Select(E)) + (s.Outlets.Count > 8 ? $" and {s.Outlets.Count - 8} more" : "");
                w.WriteLine($"<tr class=\"thread-story\"><td>{dates}</td><td>{story} <code>{E(s.StoryId)}</code></td><td>{s.Size}</td><td>{E(s.FirstOutlet ?? "—")}</td><td>{(outlets.Length == 0 ? "—" : outlets)}</td></tr>");
            }
            w.WriteLine("</tbody></table>");
            if (t.Stories.Count > ReportLimits.StoriesPerThread)
                w.WriteLine($"<p class=\"meta\">{t.Stories.Count - ReportLimits.StoriesPerThread} more stories of this thread in threads.jsonl.</p>");
            w.WriteLine("</section>");
        }
    }

    public static void Outlets(TextWriter w, ReportOverview o)
    {
        w.WriteLine("<h2 id=\"outlets\">Outlets</h2>\n<div class=\"overview\">");
        w.WriteLine("<div><h3>First to report</h3>");
        var first = o.FirstReporters();
        if (first.Count == 0)
            w.WriteLine("<p class=\"nodata\">No data: no story of more than one article has a dated article from a named outlet.</p>");
        else
        {
            w.WriteLine("<table id=\"first-reporters\"><thead><tr><th>outlet</th><th>stories reported first</th></tr></thead><tbody>");
            foreach (var (outlet, count) in first)
                w.WriteLine($"<tr><td>{E(outlet)}</td><td>{count}</td></tr>");
            w.WriteLine("</tbody></table>");
        }
        w.WriteLine("</div>\n<div><h3>Who re-published whom</h3>");
        var pairs = o.Republishers();
        if (pairs.Count == 0)
            w.WriteLine("<p class=\"nodata\">No data: no article re-publishes another.</p>");
        else
        {
            w.WriteLine("<table id=\"republishers\"><thead><tr><th>original outlet</th><th>re-published by</th><th>articles</th></tr></thead><tbody>");
            foreach (var (original, copier, count) in pairs)
                w.WriteLine($"<tr><td>{E(original)}</td><td>{E(copier)}</td><td>{count}</td></tr>");
            w.WriteLine("</tbody></table>");
        }
        w.WriteLine("</div>\n</div>");
    }

    /// <summary>One line per story (the largest <see cref="ReportLimits.TableStories"/>), sortable by any column and filterable.</summary>
    public static void StoryTable(TextWriter w, ReportOverview o)
    {
        var shown = o.Stories.Take(ReportLimits.TableStories).ToList();
        w.WriteLine("<h2 id=\"stories\">Stories</h2>");
        w.WriteLine($"<p><input id=\"filter\" type=\"search\" placeholder=\"Filter stories\" aria-label=\"Filter stories\"> <span id=\"shown\">{shown.Count}</span> of {shown.Count} stories shown{(o.Stories.Count > shown.Count ? $" (the largest; {o.Stories.Count - shown.Count} more in stories.jsonl)" : "")}. Click a column to sort.</p>");
        w.WriteLine("<table id=\"stories-table\"><thead><tr><th data-type=\"num\">#</th><th>story</th><th data-type=\"num\">articles</th><th data-type=\"num\">sources</th><th>first published</th><th>first to report</th><th data-type=\"num\">duplicates</th><th>thread</th></tr></thead><tbody>");
        foreach (var s in shown)
        {
            var first = ReportOverview.FirstArticle(s);
            var title = s.Rank <= ReportLimits.FullStories ? $"<a href=\"#story-{s.Rank}\">{E(s.Lead.Title)}</a>" : E(s.Lead.Title);
            var thread = s.Lead.ThreadId is { } t ? (o.ShownThreads.Contains(t) ? $"<a href=\"#thread-{E(t)}\">{E(t)}</a>" : E(t)) : "—";
            w.WriteLine($"<tr><td data-v=\"{s.Rank}\">{s.Rank}</td><td>{title}</td><td data-v=\"{s.Articles.Count}\">{s.Articles.Count}</td><td data-v=\"{s.SourceCount}\">{s.SourceCount}</td><td data-v=\"{ReportOverview.SortKey(first.Published)}\">{ReportText.Date(first.Published)}</td><td>{E(first.Source ?? "—")}</td><td data-v=\"{s.Articles.Count(a => a.DuplicateOf is not null)}\">{s.Articles.Count(a => a.DuplicateOf is not null)}</td><td>{thread}</td></tr>");
        }
        w.WriteLine("</tbody></table>");
    }

    private static string StoryLink(ReportOverview o, StoryView s) =>
        s.Rank <= ReportLimits.FullStories ? $"<a href=\"#story-{s.Rank}\">{E(s.Lead.Title)}</a>" : E(s.Lead.Title);

    private static string ThreadLink(ReportOverview o, ReportThread t)
    {
        var name = E(string.Join(", ", t.Terms.Take(4)));
        return o.ShownThreads.Contains(t.Id) ? $"<a href=\"#thread-{E(t.Id)}\">{name}</a>" : name;
    }

    private static void List(TextWriter w, IReadOnlyList<string> items, string noData)
    {
        if (items.Count == 0)
        {
            w.WriteLine($"<p class=\"nodata\">No data: {E(noData)}.</p>");
            return;
        }
        w.WriteLine("<ol>");
        foreach (var item in items)
            w.WriteLine($"<li>{item}</li>");
        w.WriteLine("</ol>");
    }
}
