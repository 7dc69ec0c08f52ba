using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Dedup;

/// <summary>What the story stage takes of one article of the batch: its header and its terms (batch-local ids).</summary>
public sealed record BatchDocument(ArticleHeader Header, TermBag Bag)
{
    public string Id => Header.Id;
}
