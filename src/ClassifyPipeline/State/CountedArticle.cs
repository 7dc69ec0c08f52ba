using ClassifyPipeline.Text;

namespace ClassifyPipeline.State;

/// <summary>An article of the batch with its analyzed terms counted, as the state stores them.</summary>
public sealed record CountedArticle(ArticleHeader Header, TermCounts Terms)
{
    public string Id => Header.Id;
}
