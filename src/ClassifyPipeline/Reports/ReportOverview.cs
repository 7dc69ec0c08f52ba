using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Reports;

/// <summary>
/// What both reports lead with, computed once: the biggest and the fastest-growing stories and threads, which outlets
/// reported stories first, and which re-published whom (the duplicate tier). Ties break on names and ids, so the same
/// model always gives the same overview.
/// </summary>
internal sealed class ReportOverview
{
    private ReportOverview(ReportModel model)
    {
        Model = model;
        Stories = StoryView.From(model);
        Latest = model.Articles.Select(a => a.Published?.Instant).Where(t => t is not null).Max();
        var since = Latest - TimeSpan.FromDays(ReportLimits.GrowthDays);
        Growth = Stories.ToDictionary(s => s.Story.Id, s => since is { } t ? s.Articles.Count(a => a.Published?.Instant > t) : 0, StringComparer.Ordinal);
        Rank = Stories.ToDictionary(s => s.Story.Id, s => s.Rank, StringComparer.Ordinal);
        Threads = model.Threads.Where(t => t.Stories.Count > 1)
            .OrderByDescending(t => t.Stories.Count).ThenByDescending(t => t.Articles)
            .ThenBy(t => t.First ?? DateTimeOffset.MaxValue).ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
        ShownThreads = Threads.Take(ReportLimits.Threads).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
    }

    public ReportModel Model { get; }

    /// <summary>Every story, largest coverage first.</summary>
    public IReadOnlyList<StoryView> Stories { get; }

    /// <summary>The latest published time of any article (null: none dated).</summary>
    public DateTimeOffset? Latest { get; }

    /// <summary>Per story, its articles published in the last <see cref="ReportLimits.GrowthDays"/> days up to <see cref="Latest"/>.</summary>
    public IReadOnlyDictionary<string, int> Growth { get; }

    /// <summary>Per story id, its rank in <see cref="Stories"/>.</summary>
    public IReadOnlyDictionary<string, int> Rank { get; }

    /// <summary>Threads of more than one story, most stories first.</summary>
    public IReadOnlyList<ReportThread> Threads { get; }

    /// <summary>The threads shown with their timeline.</summary>
    public IReadOnlySet<string> ShownThreads { get; }

    public static ReportOverview Build(ReportModel model) => new(model);

    public IReadOnlyList<StoryView> Biggest => Stories.Where(s => s.Articles.Count > 1).Take(ReportLimits.Overview).ToList();

    /// <summary>Stories with the most articles in the last days, at least two.</summary>
    public IReadOnlyList<StoryView> Growing => Stories.Where(s => Growth[s.Story.Id] >= 2)
        .OrderByDescending(s => Growth[s.Story.Id]).ThenBy(s => s.Rank).Take(ReportLimits.Overview).ToList();

    /// <summary>Threads whose stories in this run gained the most articles in the last days, at least two.</summary>
    public IReadOnlyList<(ReportThread Thread, int Growth)> GrowingThreads => Threads
        .Select(t => (Thread: t, Growth: t.Stories.Sum(s => Growth.GetValueOrDefault(s.StoryId))))
        .Where(p => p.Growth >= 2)
        .OrderByDescending(p => p.Growth).ThenByDescending(p => p.Thread.Stories.Count).ThenBy(p => p.Thread.Id, StringComparer.Ordinal)
        .Take(ReportLimits.Overview).ToList();

    /// <summary>The earliest dated article of a story (its lead when none is dated).</summary>
    public static ReportArticle FirstArticle(StoryView story) =>
        story.Articles.Where(a => a.Published is not null).OrderBy(a => a.Published!.Value.Instant).ThenBy(a => a.Id, StringComparer.Ordinal).FirstOrDefault() ?? story.Lead;

    /// <summary>Outlets by how many stories of more than one article they reported first.</summary>
    public IReadOnlyList<(string Outlet, int Stories)> FirstReporters() =>
        Stories.Where(s => s.Articles.Count > 1).Select(s => FirstArticle(s).Source).OfType<string>()
            .GroupBy(o => o, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))
            .OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal).Take(ReportLimits.Outlets).ToList();

    /// <summary>Outlet pairs by how many articles the second re-published from the first (the duplicate tier).</summary>
    public IReadOnlyList<(string Original, string Copier, int Articles)> Republishers()
    {
        var byId = new Dictionary<string, ReportArticle>(StringComparer.Ordinal);
        foreach (var a in Model.Articles)
            byId.TryAdd(a.Id, a);
        return Model.Articles.Where(a => a.DuplicateOf is not null)
            .Select(a => (Original: byId.GetValueOrDefault(a.DuplicateOf!)?.Source ?? "—", Copier: a.Source ?? "—"))
            .GroupBy(p => p)
            .Select(g => (g.Key.Original, g.Key.Copier, g.Count()))
            .OrderByDescending(p => p.Item3).ThenBy(p => p.Original, StringComparer.Ordinal).ThenBy(p => p.Copier, StringComparer.Ordinal)
            .Take(ReportLimits.Outlets).ToList();
    }

    /// <summary>How many articles re-publish another, in all.</summary>
    public int Duplicates => Model.Articles.Count(a => a.DuplicateOf is not null);

    /// <summary>A time from threads.jsonl as a date (UTC).</summary>
    public static string Day(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "undated";

    /// <summary>A sortable key for a publication time ("" when undated, which sorts first ascending).</summary>
    public static string SortKey(PublishedTime? value) =>
        value is { } v ? v.Instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "";
}
