using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Tests.Support;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Benchmarks;

/// <summary>
/// Hot loops of the dedup path over the BBC training articles (../shared/data): tokenize+analyze, TF-IDF
/// transform, the indexed join and the all-pairs reference at the default story threshold.
/// Run: <c>dotnet run -c Release --project tests/ClassifyPipeline.Benchmarks -- --filter '*DedupBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class DedupBenchmarks
{
    private readonly PipelineOptions _options = new();
    private List<CleanArticle> _clean = [];
    private List<IReadOnlyList<string>> _terms = [];
    private TfIdfModel _model = null!;
    private List<SparseVector> _vectors = [];

    [GlobalSetup]
    public void Setup()
    {
        var path = RepoPaths.BbcTrain;
        var cleaner = new ArticleCleaner(_options.Clean);
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            _clean.Add(cleaner.Clean(new Article(r.GetProperty("id").GetString()!, "bbc", null, r.GetProperty("title").GetString(), r.GetProperty("text").GetString()!, null)));
        }
        var analyzer = new TextAnalyzer(_options.Analysis);
        _terms = _clean.Select(c => analyzer.Analyze(c).Terms).ToList();
        _model = new TfIdfEstimator(_options.Vectorize).Fit(CorpusStatistics.Empty.Add(_terms));
        _vectors = _terms.Select(_model.Transform).ToList();
    }

    [Benchmark]
    public int Analyze()
    {
        var analyzer = new TextAnalyzer(_options.Analysis);
        var n = 0;
        foreach (var c in _clean)
            n += analyzer.Analyze(c).Terms.Count;
        return n;
    }

    [Benchmark]
    public int Vectorize()
    {
        var n = 0;
        foreach (var t in _terms)
            n += _model.Transform(t).Count;
        return n;
    }

    [Benchmark]
    public int WindowJoinOneThread() =>
        WindowJoin.Find(_vectors.Select(_ => new JoinDocument(0, true, false)).ToList(), i => _vectors[i], _model.Terms.Count,
            _options.Dedup.StoryThreshold, TimeSpan.FromDays(1), maxDegreeOfParallelism: 1).Count;

    [Benchmark(Baseline = true)]
    public int ExhaustiveReference() => AllPairsSimilarity.Find(_vectors, _options.Dedup.StoryThreshold).Count;
}
