using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Classification.Topic;

/// <summary>
/// What a topic model sees of an article, the same in training and prediction: its TF-IDF vector, plus, with a
/// lead weight above 0, that many times the TF-IDF vector of its lead (the title and the first paragraph) before
/// normalizing. A news article states its angle in the lead; later paragraphs drift into background that belongs to
/// other sections (a football club's share listing is business news that goes on about football).
/// </summary>
internal static class TopicFeatures
{
    /// <summary>The article's terms, and its lead's when <paramref name="leadWeight"/> is above 0 (else null).</summary>
    public static (IReadOnlyList<string> Terms, IReadOnlyList<string>? LeadTerms) Analyze(CleanArticle article, TextAnalyzer analyzer, float leadWeight) =>
        (analyzer.Analyze(article).Terms, leadWeight > 0 ? analyzer.Analyze(Lead(article)).Terms : null);

    public static SparseVector Vector(TfIdfModel vocabulary, IReadOnlyList<string> terms, IReadOnlyList<string>? leadTerms, float leadWeight) =>
        leadTerms is null || leadWeight <= 0
            ? vocabulary.Transform(terms)
            : vocabulary.Transform(terms, leadTerms, leadWeight);

    /// <summary>The title and the first non-blank paragraph of the body (the body holds one paragraph per line).</summary>
    public static CleanArticle Lead(CleanArticle article)
    {
        var body = article.Body.AsSpan();
        foreach (var range in body.Split('\n'))
        {
            var paragraph = body[range];
            if (!paragraph.IsWhiteSpace())
                return article with { Body = paragraph.ToString() };
        }
        return article with { Body = "" };
    }
}
