using ClassifyPipeline.Articles;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Benchmarks;

/// <summary>Real articles analyzed, weighed and joined the way the story stage does it: the input of the join, clustering and state benchmarks.</summary>
internal sealed class StoryBenchmarkData
{
    public StoryBenchmarkData(int articles)
    {
        var texts = BenchmarkCorpus.Texts(articles);
        var cleaner = new ArticleCleaner(new CleanOptions());
        var analyzer = new TextAnalyzer(new AnalysisOptions());
        var terms = new BatchTerms();
        Documents = texts.Select((t, i) => analyzer.Analyze(cleaner.Clean(new Article("a" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), null, null, null, t, null))))
            .Select(a => new BatchDocument(ArticleHeader.Of(a.Clean), terms.Bag(a.Terms)))
            .ToList();
        var merge = VocabularyMerge.Build([], terms.Vocabulary());
        Vocabulary = merge.Terms;
        Bags = Documents.Select(d => d.Bag.Remap(merge.LocalToGlobal)).ToArray();
        var df = new long[Vocabulary.Count];
        foreach (var bag in Bags)
        {
            foreach (var t in bag.ToArrays().Ids)
                df[t]++;
        }
        Idf = IdfWeights.Fit(df, Bags.Length, new VectorizeOptions());
        Vectors = Bags.Select(Idf.Vector).ToList();
        JoinDocuments = Vectors.Select(_ => new JoinDocument(0, IsNew: true, Undated: false)).ToList();
    }

    public IReadOnlyList<BatchDocument> Documents { get; }

    public IReadOnlyList<string> Vocabulary { get; }

    public TermBag[] Bags { get; }

    public IdfWeights Idf { get; }

    public IReadOnlyList<SparseVector> Vectors { get; }

    public IReadOnlyList<JoinDocument> JoinDocuments { get; }

    public List<(int I, int J, double Cosine)> Join(double threshold, int threads = 1) =>
        WindowJoin.Find(JoinDocuments, i => Vectors[i], Vocabulary.Count, threshold, TimeSpan.FromDays(1), threads);
}
