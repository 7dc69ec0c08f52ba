using System.Text.Json;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Corpus;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Tests.Support;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Tests.Dedup;

/// <summary>Real articles (the training copies of the BBC and FNC-1 development data), vectorized the way <c>classify run</c> does it.</summary>
internal static class DedupCorpus
{
    private static readonly Lazy<IReadOnlyList<Article>> BbcTrain = new(() => ReadJsonl(RepoPaths.BbcTrain));

    private static readonly Lazy<IReadOnlyList<Article>> Fnc1 = new(() =>
    {
        using var reader = new StreamReader(Path.Combine(RepoPaths.Fnc1, "train_bodies.csv"));
        return Fnc1Reader.ReadBodyArticles(reader, "train_bodies.csv");
    });

    public static IReadOnlyList<Article> Bbc => BbcTrain.Value;

    public static IReadOnlyList<Article> Fnc1Articles => Fnc1.Value;

    public static string Fnc1Gold => RepoPaths.Fnc1Stories;

    /// <summary>The batch documents of these articles (cleaned and analyzed with the given, default, options) and their local vocabulary.</summary>
    public static (List<BatchDocument> Documents, string?[] Vocabulary) Analyze(IReadOnlyList<Article> articles, PipelineOptions? options = null)
    {
        options ??= new PipelineOptions();
        var cleaner = new ArticleCleaner(options.Clean);
        var analyzer = new TextAnalyzer(options.Analysis);
        var terms = new BatchTerms();
        var documents = articles.Select(a => analyzer.Analyze(cleaner.Clean(a)))
            .Select(a => new BatchDocument(ArticleHeader.Of(a.Clean), terms.Bag(a.Terms), TextSketch.Of(a.Clean)))
            .ToList();
        return (documents, terms.Vocabulary());
    }

    /// <summary>Each article's unit TF-IDF vector over the articles' own statistics (input order), as <c>classify run</c> weighs them.</summary>
    public static List<SparseVector> Vectorize(IReadOnlyList<Article> articles, PipelineOptions? options = null) =>
        ClassifyPipeline.Pipeline.CorpusVectors.Vectorize(articles, options);

    /// <summary>The story stage over these articles as one batch against an empty state: what <c>classify run</c> finds.</summary>
    public static DedupResult Run(IReadOnlyList<Article> articles, DedupOptions? dedup = null, PipelineOptions? options = null)
    {
        options ??= new PipelineOptions();
        var (documents, vocabulary) = Analyze(articles, options);
        using var state = new InMemoryCorpusState(keepsChanges: false);
        using var session = state.Begin();
        return new StoryStage(dedup ?? options.Dedup, options.Vectorize, NullLogger.Instance)
            .Run(documents, vocabulary, session, new Dictionary<string, object>());
    }

    private static List<Article> ReadJsonl(string path)
    {
        var result = new List<Article>();
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            result.Add(new Article(r.GetProperty("id").GetString()!, "bbc", null, r.GetProperty("title").GetString(), r.GetProperty("text").GetString()!, null));
        }
        return result;
    }
}
