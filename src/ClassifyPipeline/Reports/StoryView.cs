using ClassifyPipeline.Dedup;

namespace ClassifyPipeline.Reports;

/// <summary>A story as the human reports show it: largest coverage first, its articles in time order.</summary>
public sealed record StoryView(int Rank, Story Story, ReportArticle Lead, IReadOnlyList<ReportArticle> Articles)
{
    /// <summary>Stories by coverage (article count, then distinct sources), ties by the lead's time, title, then story id. Members missing from the articles are left out.</summary>
    public static IReadOnlyList<StoryView> From(ReportModel model)
    {
        var byId = new Dictionary<string, ReportArticle>(StringComparer.Ordinal);
        foreach (var a in model.Articles)
            byId.TryAdd(a.Id, a);
        var views = new List<(Story Story, ReportArticle Lead, List<ReportArticle> Articles)>();
        foreach (var s in model.Stories)
        {
            var members = s.Members.Where(byId.ContainsKey).Select(m => byId[m]).ToList();
            if (members.Count == 0)
                continue;
            views.Add((s, byId.GetValueOrDefault(s.LeadId) ?? members[0], members));
        }
        return views
            .OrderByDescending(v => v.Articles.Count)
            .ThenByDescending(v => v.Articles.Select(a => a.Source).OfType<string>().Distinct(StringComparer.Ordinal).Count())
            .ThenBy(v => v.Lead.Published?.Instant ?? DateTimeOffset.MaxValue)
            .ThenBy(v => v.Lead.Title, StringComparer.Ordinal)
            .ThenBy(v => v.Story.Id, StringComparer.Ordinal)
            .Select((v, i) => new StoryView(i + 1, v.Story, v.Lead, v.Articles))
            .ToList();
    }

    /// <summary>The edge that joined an article to another member with the highest cosine, for "why" in the reports.</summary>
    public SimilarityEdge? BestEdge(string articleId) =>
        Story.Edges.Where(e => e.From == articleId || e.To == articleId).OrderByDescending(e => e.Cosine).ThenBy(e => e.From, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The outlets named among the story's articles (an article whose outlet is unknown is not one more).</summary>
    public int SourceCount => Articles.Select(a => a.Source).OfType<string>().Distinct(StringComparer.Ordinal).Count();

    /// <summary>Each original that was re-published, with its copies in time order: the story's duplicate chains.</summary>
    public IReadOnlyList<DuplicateChain> DuplicateChains()
    {
        var order = Articles.Select((a, i) => (a.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        return Articles
            .Where(a => a.DuplicateOf is not null)
            .GroupBy(a => a.DuplicateOf!, StringComparer.Ordinal)
            .Select(g => new DuplicateChain(
                Articles.FirstOrDefault(a => a.Id == g.Key),
                g.Key,
                g.OrderBy(a => order[a.Id]).ToList()))
            .OrderBy(c => c.Original is null ? int.MaxValue : order[c.OriginalId])
            .ThenBy(c => c.OriginalId, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>An original article and its re-publications (each with its cosine to the original).</summary>
public sealed record DuplicateChain(ReportArticle? Original, string OriginalId, IReadOnlyList<ReportArticle> Copies);
