namespace ClassifyPipeline.Reports;

/// <summary>
/// Writes <c>report.md</c>: the run's summary, an overview (biggest and fastest-growing stories and threads), the
/// threads' timelines, who reported first and who re-published whom, counts per topic and stance, the largest stories
/// in full with duplicate chains, and the rest one line each; <see cref="ReportLimits"/> caps each part (everything
/// is in the JSON Lines). Article text is escaped for Markdown. The file holds no timestamps of the run and no
/// absolute paths, so the same run folder always gives the same bytes.
/// </summary>
public static class MarkdownReport
{
    /// <summary>One-line stories listed after those in full (the next largest; the rest counted).</summary>
    public const int StoryLines = 1000;

    public static void Write(TextWriter w, ReportModel model)
    {
        var overview = ReportOverview.Build(model);
        var stories = overview.Stories;
        w.WriteLine("# ClassifyPipeline run");
        w.WriteLine();
        w.WriteLine($"- Articles: {model.Articles.Count}");
        w.WriteLine($"- Sources: {model.Articles.Select(a => a.Source).OfType<string>().Distinct(StringComparer.Ordinal).Count()}");
        w.WriteLine($"- Stories: {stories.Count} ({stories.Count(s => s.Articles.Count > 1)} with more than one article)");
        w.WriteLine($"- Threads of more than one story: {overview.Threads.Count}");
        w.WriteLine($"- Duplicates (re-publications): {overview.Duplicates}");
        w.WriteLine($"- Rejected inputs or records: {model.Rejections.Count}");

        MarkdownSections.Overview(w, overview);
        MarkdownSections.Threads(w, overview);
        MarkdownSections.Outlets(w, overview);
        WriteCounts(w, "Topics", ReportText.Counts(model.Articles.Select(a => a.Topic)), "no article has a topic label");
        WriteCounts(w, "Stances", ReportText.Counts(model.Articles.Select(a => a.Stance)), "no article has a stance label");

        w.WriteLine();
        w.WriteLine("## Stories");
        foreach (var story in stories.Take(ReportLimits.FullStories))
            WriteStory(w, story);
        if (stories.Count > ReportLimits.FullStories)
        {
            w.WriteLine();
            w.WriteLine("## More stories");
            w.WriteLine();
            foreach (var story in stories.Skip(ReportLimits.FullStories).Take(StoryLines))
            {
                var first = ReportOverview.FirstArticle(story);
                w.WriteLine($"- #{story.Rank} {Escape(story.Lead.Title)} ({Code(story.Story.Id)}): {story.Articles.Count} article(s), {story.SourceCount} source(s), first {Escape(first.Source)} {ReportText.Date(first.Published)}");
            }
            var rest = stories.Count - ReportLimits.FullStories - StoryLines;
            if (rest > 0)
            {
                w.WriteLine();
                w.WriteLine($"{rest} more stories in stories.jsonl.");
            }
        }
        if (model.Rejections.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("## Rejected");
            w.WriteLine();
            foreach (var r in model.Rejections.Take(ReportLimits.Rejections))
                w.WriteLine($"- {Code(Path.GetFileName(r.Input))}{(r.Location is null ? "" : " " + Escape(r.Location))}: {Escape(r.Reason)}");
            if (model.Rejections.Count > ReportLimits.Rejections)
            {
                w.WriteLine();
                w.WriteLine($"{model.Rejections.Count - ReportLimits.Rejections} more in rejected.jsonl.");
            }
        }
    }

    private static void WriteStory(TextWriter w, StoryView story)
    {
        var first = ReportOverview.FirstArticle(story);
        w.WriteLine();
        w.WriteLine($"### #{story.Rank} {Escape(story.Lead.Title)}");
        w.WriteLine();
        w.WriteLine($"Story {Code(story.Story.Id)}: {story.Articles.Count} article(s) from {story.SourceCount} source(s), {ReportText.TimeSpan(story)}. First reported by {Escape(first.Source)}, {ReportText.Date(first.Published)}.{(story.Lead.ThreadId is { } t ? $" Thread {Code(t)}." : "")}");
        w.WriteLine();
        w.WriteLine("| article | source | published | topic | stance | similarity | shared terms |");
        w.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var a in story.Articles.Take(ReportLimits.ArticlesPerStory))
        {
            var similarity = a.DuplicateOf is { } original
                ? $"duplicate of {Code(original)} ({ReportText.Number(a.DuplicateSimilarity)})"
                : ReportText.Number(a.StorySimilarity);
            w.WriteLine($"| {Escape(a.Title)} ({Code(a.Id)}) | {Escape(a.Source)} | {ReportText.Date(a.Published)} | {Escape(a.Topic)} | {Escape(ReportText.Stance(a))} | {similarity} | {Escape(ReportText.SharedTerms(story, a))} |");
        }
        if (story.Articles.Count > ReportLimits.ArticlesPerStory)
        {
            w.WriteLine();
            w.WriteLine($"{story.Articles.Count - ReportLimits.ArticlesPerStory} more articles of this story in articles.jsonl.");
        }
        var chains = story.DuplicateChains();
        if (chains.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Duplicate chains (original → re-publications):");
            w.WriteLine();
            foreach (var chain in chains.Take(ReportLimits.Overview))
            {
                var more = chain.Copies.Count > ReportLimits.ArticlesPerStory ? $" and {chain.Copies.Count - ReportLimits.ArticlesPerStory} more" : "";
                w.WriteLine($"- {Escape(chain.Original?.Source)} {Code(chain.OriginalId)} → {string.Join(", ", chain.Copies.Take(ReportLimits.ArticlesPerStory).Select(c => $"{Escape(c.Source)} {Code(c.Id)} ({ReportText.Number(c.DuplicateSimilarity)})"))}{more}");
            }
        }
    }

    private static void WriteCounts(TextWriter w, string heading, IReadOnlyList<(string Label, int Count)> counts, string noData)
    {
        w.WriteLine();
        w.WriteLine($"## {heading}");
        w.WriteLine();
        if (counts.Count == 0)
        {
            w.WriteLine($"No data: {noData}.");
            return;
        }
        w.WriteLine("| label | articles |");
        w.WriteLine("|---|---|");
        foreach (var (label, count) in counts)
            w.WriteLine($"| {Escape(label)} | {count} |");
    }

    /// <summary>An id or file name as inline code; characters that would end the span or a table cell are replaced or escaped.</summary>
    internal static string Code(string text) =>
        "`" + text.Replace('`', '\'').Replace('\n', ' ').Replace('\r', ' ').Replace("|", "\\|") + "`";

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
