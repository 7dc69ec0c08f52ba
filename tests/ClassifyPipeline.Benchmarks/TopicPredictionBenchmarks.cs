using BenchmarkDotNet.Attributes;
using ClassifyPipeline.Classification.Topic;
using ClassifyPipeline.Tests.Support;
using ClassifyPipeline.Text;

namespace ClassifyPipeline.Benchmarks;

/// <summary>
/// Topic prediction throughput: the default model (trained once in setup on the BBC training copy) labels all
/// 1,774 BBC articles, cleaned beforehand (as in <c>classify run</c>, where Clean is its own stage). Articles per
/// second = 1,774 / the mean time. Run: <c>dotnet run -c Release --project tests/ClassifyPipeline.Benchmarks -- --filter *TopicPrediction*</c>.
/// </summary>
[MemoryDiagnoser]
public class TopicPredictionBenchmarks
{
    private TopicModel _model = null!;
    private List<CleanArticle> _articles = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = LabeledDataReader.Read([RepoPaths.BbcTrain]);
        _model = new TopicEstimator(new TopicTrainingOptions()).Fit(data);
        var cleaner = new ArticleCleaner(new CleanOptions());
        _articles = data.Articles.Select(a => cleaner.Clean(a.Article)).ToList();
    }

    [Benchmark(Description = "predict 1,774 BBC articles (analyze + TF-IDF + score), parallel")]
    public int PredictAll() => _model.Predict(_articles, 0.5, CancellationToken.None).Count;
}
