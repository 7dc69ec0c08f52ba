using ClassifyPipeline.Articles;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Tools.Scale;

/// <summary>Articles cleaned, analyzed and vectorized the way <c>classify run</c> does it, as dedup documents with the fitted model.</summary>
public static class CorpusVectors
{
    public static (List<DedupDocument> Documents, TfIdfModel Model) Vectorize(IReadOnlyList<Article> articles, PipelineOptions? options = null)
    {
        options ??= new PipelineOptions();
        var cleaner = new ArticleCleaner(options.Clean);
        var analyzer = new TextAnalyzer(options.Analysis);
        var analyzed = articles.Select(a => analyzer.Analyze(cleaner.Clean(a))).ToList();
        var vectorizer = new BatchVectorizer(analyzed.Count);
        for (var i = 0; i < analyzed.Count; i++)
            vectorizer.Add(i, analyzed[i].Terms);
        var (model, vectors) = vectorizer.Fit(options.Vectorize);
        var documents = analyzed.Select((a, i) => new DedupDocument(a.Id, a.Clean.Article.Published?.Instant, vectors[i])).ToList();
        return (documents, model);
    }
}
