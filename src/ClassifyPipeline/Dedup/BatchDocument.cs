using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Dedup;

/// <summary>What the story stage takes of one article of the batch: its header and its terms (batch-local ids).</summary>
/// <param name="Sketch">The body's word shingles (<see cref="TextSketch"/>) for the duplicate tier's text test; null: none
/// (the duplicate tier then takes the cosine alone for this article).</param>
public sealed record BatchDocument(ArticleHeader Header, TermBag Bag, TextSketch? Sketch = null)
{
    public string Id => Header.Id;
}
