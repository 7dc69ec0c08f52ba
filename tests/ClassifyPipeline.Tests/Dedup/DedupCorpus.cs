using System.Text.Json;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Tests.Support;
using ClassifyPipeline.Tools.Scale;
using ClassifyPipeline.Vectors;

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

    /// <summary>Dedup documents and the fitted model for these articles, with the given (default) options.</summary>
    public static (List<DedupDocument> Documents, TfIdfModel Model) Vectorize(IReadOnlyList<Article> articles, PipelineOptions? options = null) =>
        CorpusVectors.Vectorize(articles, options);

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
