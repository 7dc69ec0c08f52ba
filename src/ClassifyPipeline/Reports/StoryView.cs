using ClassifyPipeline.Dedup;
using ClassifyPipeline.Pipeline;

namespace ClassifyPipeline.Reports;

/// <summary>A story as the human reports show it: largest coverage first, its articles in time order.</summary>
public sealed record StoryView(Story Story, ArticleResult Lead, IReadOnlyList<ArticleResult> Articles)
{
    public static IReadOnlyList<StoryView> From(RunResult run)
    {
        var byId = run.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        // with --state, a story may also hold earlier batches' articles: the views show this run's articles
        return run.Stories
            .Select(s => (Story: s, Articles: s.Members.Where(byId.ContainsKey).Select(m => byId[m]).ToList()))
            .Where(s => s.Articles.Count > 0)
            .Select(s => new StoryView(s.Story, byId.GetValueOrDefault(s.Story.LeadId) ?? s.Articles[0], s.Articles))
            .OrderByDescending(v => v.Articles.Count)
            .ThenBy(v => v.Story.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The edge that joined an article to another member with the highest cosine, for "why" in the reports.</summary>
    public SimilarityEdge? BestEdge(string articleId) =>
        Story.Edges.Where(e => e.From == articleId || e.To == articleId).OrderByDescending(e => e.Cosine).FirstOrDefault();
}
