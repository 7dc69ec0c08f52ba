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

    /// <summary>
    /// How many characters of the body go to the sentence encoder after the title: MiniLM reads 256 word pieces at
    /// most (about 1,200 characters of English), so the rest would only be tokenized to be cut.
    /// </summary>
    public const int EmbeddingBodyLength = 2000;

    /// <summary>What the sentence encoder reads of an article: the title, a line break, and the start of the body.</summary>
    public static string EmbeddingText(CleanArticle article)
    {
        var body = article.Body;
        if (body.Length > EmbeddingBodyLength)
        {
            var cut = char.IsHighSurrogate(body[EmbeddingBodyLength - 1]) ? EmbeddingBodyLength - 1 : EmbeddingBodyLength;
            body = body[..cut];
        }
        return string.IsNullOrWhiteSpace(article.Title) ? body : article.Title + "\n" + body;
    }

    /// <summary>
    /// The TF-IDF vector followed by the sentence embedding times <paramref name="weight"/>, at feature indices
    /// <paramref name="offset"/> (the vocabulary's size) and on. The TF-IDF vector has norm 1 and the embedding too,
    /// so the weight is the embedding block's share of the length.
    /// </summary>
    public static SparseVector WithEmbedding(SparseVector tfidf, int offset, float[]? embedding, float weight)
    {
        if (embedding is null)
            return tfidf;
        var indices = new int[tfidf.Count + embedding.Length];
        var values = new float[indices.Length];
        tfidf.Indices.CopyTo(indices, 0);
        tfidf.Values.CopyTo(values, 0);
        for (var j = 0; j < embedding.Length; j++)
        {
            indices[tfidf.Count + j] = offset + j;
            values[tfidf.Count + j] = weight * embedding[j];
        }
        return new SparseVector(indices, values);
    }

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
