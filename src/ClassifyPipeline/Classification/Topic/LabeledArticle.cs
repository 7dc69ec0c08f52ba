using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Classification.Topic;

/// <summary>An article with its topic labels: one for single-label data, zero or more for multi-label data.</summary>
public sealed record LabeledArticle(Article Article, IReadOnlyList<string> Labels);

/// <summary>Labeled articles in input order, and whether they came with <c>labels</c> lists (multi-label) or one <c>label</c> each.</summary>
public sealed record LabeledData(IReadOnlyList<LabeledArticle> Articles, bool MultiLabel)
{
    /// <summary>Every label present, in ordinal order.</summary>
    public IReadOnlyList<string> DistinctLabels() =>
        Articles.SelectMany(a => a.Labels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
