using ClassifyPipeline.Articles;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Pipeline;

/// <summary>Articles cleaned, analyzed and weighed the way <c>classify run</c> does it over an empty state: one unit TF-IDF vector each, in input order.</summary>
public static class CorpusVectors
{
    public static List<SparseVector> Vectorize(IReadOnlyList<Article> articles, PipelineOptions? options = null)
    {
        options ??= new PipelineOptions();
        var cleaner = new ArticleCleaner(options.Clean);
        var analyzer = new TextAnalyzer(options.Analysis);
        var terms = new BatchTerms();
        var bags = articles.Select(a => terms.Bag(analyzer.Analyze(cleaner.Clean(a)).Terms)).ToList();
        var merge = VocabularyMerge.Build([], terms.Vocabulary());
        bags = bags.Select(b => b.Remap(merge.LocalToGlobal)).ToList();
        var df = new long[merge.Terms.Count];
        foreach (var bag in bags)
        {
            foreach (var t in bag.ToArrays().Ids)
                df[t]++;
        }
        var idf = IdfWeights.Fit(df, bags.Count, options.Vectorize);
        return bags.Select(idf.Vector).ToList();
    }
}
