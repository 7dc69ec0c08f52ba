using ClassifyPipeline.Text;

namespace ClassifyPipeline.State;

/// <summary>A cleaned article of the batch with its analyzed terms counted, as the state stores them.</summary>
public sealed record CountedArticle(CleanArticle Clean, TermCounts Terms)
{
    public string Id => Clean.Id;
}
