namespace ClassifyPipeline.Text;

/// <summary>A cleaned article and its terms (words and word n-grams, in order, title first).</summary>
public sealed record AnalyzedArticle(CleanArticle Clean, IReadOnlyList<string> Terms)
{
    public string Id => Clean.Id;
}
