using static ClassifyPipeline.Reports.MarkdownReport;

namespace ClassifyPipeline.Reports;

/// <summary>The parts of report.md that summarize: overview, thread timelines, and outlets.</summary>
internal static class MarkdownSections
{
    public static void Overview(TextWriter w, ReportOverview o)
    {
        w.WriteLine();
        w.WriteLine("## Overview");
        List(w, "Biggest stories", o.Biggest.Select(s => $"#{s.Rank} {Escape(s.Lead.Title)}: {s.Articles.Count} articles, {s.SourceCount} source(s)").ToList(), "no story has more than one article");
        List(w, "Fastest-growing stories", o.Growing.Select(s => $"#{s.Rank} {Escape(s.Lead.Title)}: {o.Growth[s.Story.Id]} articles in the last {ReportLimits.GrowthDays} days").ToList(),
            $"no story gained two articles in the last {ReportLimits.GrowthDays} days");
        List(w, "Threads", o.Threads.Take(ReportLimits.Overview).Select(t => $"{Escape(string.Join(", ", t.Terms.Take(4)))} ({Code(t.Id)}): {t.Stories.Count} stories, {t.Articles} articles, {ReportOverview.Day(t.First)} to {ReportOverview.Day(t.Last)}").ToList(),
            "no two stories continue one subject");
        List(w, "Fastest-growing threads", o.GrowingThreads.Select(p => $"{Escape(string.Join(", ", p.Thread.Terms.Take(4)))} ({Code(p.Thread.Id)}): {p.Growth} articles in the last {ReportLimits.GrowthDays} days").ToList(),
            $"no thread gained two articles in the last {ReportLimits.GrowthDays} days");
    }

    public static void Threads(TextWriter w, ReportOverview o)
    {
        w.WriteLine();
        w.WriteLine("## Threads");
        w.WriteLine();
        if (o.Threads.Count == 0)
        {
            w.WriteLine("No data: no two stories continue one subject.");
            return;
        }
        w.WriteLine($"Stories that continue one subject, however far apart in time: the {Math.Min(ReportLimits.Threads, o.Threads.Count)} with the most stories of {o.Threads.Count}; all are in threads.jsonl.");
        foreach (var t in o.Threads.Take(ReportLimits.Threads))
        {
            w.WriteLine();
            w.WriteLine($"### {Escape(string.Join(", ", t.Terms))}");
            w.WriteLine();
            w.WriteLine($"Thread {Code(t.Id)}: {t.Stories.Count} stories, {t.Articles} articles, {ReportOverview.Day(t.First)} to {ReportOverview.Day(t.Last)}.");
            w.WriteLine();
            w.WriteLine("| date | story | articles | first to report | outlets |");
            w.WriteLine("|---|---|---|---|---|");
            foreach (var s in t.Stories.Take(ReportLimits.StoriesPerThread))
            {
                var dates = s.First is { } f && s.Last is { } l && ReportOverview.Day(f) != ReportOverview.Day(l) ? $"{ReportOverview.Day(f)} to {ReportOverview.Day(l)}" : ReportOverview.Day(s.First);
                var outlets = s.Outlets.Count == 0 ? "—" : string.Join(", ", s.Outlets.Take(8).Select(Escape)) + (s.Outlets.Count > 8 ? $" and {s.Outlets.Count - 8} more" : "");
                w.WriteLine($"| {dates} | {Escape(s.Title ?? s.LeadId)} ({Code(s.StoryId)}) | {s.Size} | {Escape(s.FirstOutlet)} | {outlets} |");
            }
            if (t.Stories.Count > ReportLimits.StoriesPerThread)
            {
                w.WriteLine();
                w.WriteLine($"{t.Stories.Count - ReportLimits.StoriesPerThread} more stories of this thread in threads.jsonl.");
            }
        }
    }

    public static void Outlets(TextWriter w, ReportOverview o)
    {
        w.WriteLine();
        w.WriteLine("## First to report");
        w.WriteLine();
        var first = o.FirstReporters();
        if (first.Count == 0)
            w.WriteLine("No data: no story of more than one article has a dated article from a named outlet.");
        else
        {
            w.WriteLine("| outlet | stories reported first |");
            w.WriteLine("|---|---|");
            foreach (var (outlet, count) in first)
                w.WriteLine($"| {Escape(outlet)} | {count} |");
        }
        w.WriteLine();
        w.WriteLine("## Who re-published whom");
        w.WriteLine();
        var pairs = o.Republishers();
        if (pairs.Count == 0)
            w.WriteLine("No data: no article re-publishes another.");
        else
        {
            w.WriteLine("| original outlet | re-published by | articles |");
            w.WriteLine("|---|---|---|");
            foreach (var (original, copier, count) in pairs)
                w.WriteLine($"| {Escape(original)} | {Escape(copier)} | {count} |");
        }
    }

    private static void List(TextWriter w, string heading, IReadOnlyList<string> items, string noData)
    {
        w.WriteLine();
        w.WriteLine($"### {heading}");
        w.WriteLine();
        if (items.Count == 0)
        {
            w.WriteLine($"No data: {noData}.");
            return;
        }
        for (var i = 0; i < items.Count; i++)
            w.WriteLine($"{i + 1}. {items[i]}");
    }
}
