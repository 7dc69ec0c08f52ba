namespace ClassifyPipeline.Reports;

/// <summary>
/// Writes <c>report.md</c>: the run's summary, counts per topic and stance, and its stories, largest coverage
/// first, with duplicate chains. Article text is escaped for Markdown. The file holds no timestamps of the run
/// and no absolute paths, so the same run folder always gives the same bytes.
/// </summary>
public static class MarkdownReport
{
    public static void Write(TextWriter w, ReportModel model)
    {
        var stories = StoryView.From(model);
        var duplicates = model.Articles.Count(a => a.DuplicateOf is not null);
        w.WriteLine("# ClassifyPipeline run");
        w.WriteLine();
        w.WriteLine($"- Articles: {model.Articles.Count}");
        w.WriteLine($"- Sources: {model.Articles.Select(a => a.Source).OfType<string>().Distinct(StringComparer.Ordinal).Count()}");
        w.WriteLine($"- Stories: {stories.Count} ({stories.Count(s => s.Articles.Count > 1)} with more than one article)");
        w.WriteLine($"- Duplicates (re-publications): {duplicates}");
        w.WriteLine($"- Rejected inputs or records: {model.Rejections.Count}");

        WriteCounts(w, "Topics", ReportText.Counts(model.Articles.Select(a => a.Topic)), "no article has a topic label");
        WriteCounts(w, "Stances", ReportText.Counts(model.Articles.Select(a => a.Stance)), "no article has a stance label");

        w.WriteLine();
        w.WriteLine("## Stories");
        foreach (var story in stories)
        {
            w.WriteLine();
            w.WriteLine($"### #{story.Rank} {Escape(story.Lead.Title)}");
            w.WriteLine();
            w.WriteLine($"Story {Code(story.Story.Id)}: {story.Articles.Count} article(s) from {story.SourceCount} source(s), {ReportText.TimeSpan(story)}.");
            w.WriteLine();
            w.WriteLine("| article | source | published | topic | stance | similarity | shared terms |");
            w.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var a in story.Articles)
            {
                var similarity = a.DuplicateOf is { } original
                    ? $"duplicate of {Code(original)} ({ReportText.Number(a.DuplicateSimilarity)})"
                    : ReportText.Number(a.StorySimilarity);
                w.WriteLine($"| {Escape(a.Title)} ({Code(a.Id)}) | {Escape(a.Source)} | {ReportText.Date(a.Published)} | {Escape(a.Topic)} | {Escape(ReportText.Stance(a))} | {similarity} | {Escape(ReportText.SharedTerms(story, a))} |");
            }
            var chains = story.DuplicateChains();
            if (chains.Count > 0)
            {
                w.WriteLine();
                w.WriteLine("Duplicate chains (original → re-publications):");
                w.WriteLine();
                foreach (var chain in chains)
                    w.WriteLine($"- {Escape(chain.Original?.Source)} {Code(chain.OriginalId)} → {string.Join(", ", chain.Copies.Select(c => $"{Escape(c.Source)} {Code(c.Id)} ({ReportText.Number(c.DuplicateSimilarity)})"))}");
            }
        }
        if (model.Rejections.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("## Rejected");
            w.WriteLine();
            foreach (var r in model.Rejections)
                w.WriteLine($"- {Code(Path.GetFileName(r.Input))}{(r.Location is null ? "" : " " + Escape(r.Location))}: {Escape(r.Reason)}");
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
    private static string Code(string text) =>
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
