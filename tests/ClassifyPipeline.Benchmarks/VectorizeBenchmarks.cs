using BenchmarkDotNet.Attributes;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

/// <summary>TF-IDF fit and transform over 500 analyzed BBC articles, against a naive dictionary-of-strings baseline.</summary>
[MemoryDiagnoser]
public class VectorizeBenchmarks
{
    private List<List<string>> _documents = [];
    private TfIdfModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        var analyzer = new TextAnalyzer(new AnalysisOptions());
        _documents = BenchmarkCorpus.Texts(500).Select(analyzer.Terms).ToList();
        _model = new TfIdfEstimator(new VectorizeOptions()).Fit(CorpusStatistics.Empty.Add(_documents));
    }

    [Benchmark(Baseline = true)]
    public double NaiveDictionaryVectors()
    {
        var df = new Dictionary<string, int>();
        foreach (var doc in _documents)
            foreach (var term in doc.Distinct())
                df[term] = df.GetValueOrDefault(term) + 1;
        double total = 0;
        foreach (var doc in _documents)
        {
            var weights = doc.GroupBy(t => t).ToDictionary(g => g.Key, g => (1 + Math.Log(g.Count())) * (Math.Log((1.0 + _documents.Count) / (1 + df[g.Key])) + 1));
            var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
            total += weights.Values.Sum() / norm;
        }
        return total;
    }

    [Benchmark]
    public double FitAndTransform()
    {
        var model = new TfIdfEstimator(new VectorizeOptions()).Fit(CorpusStatistics.Empty.Add(_documents));
        double total = 0;
        foreach (var doc in _documents)
            total += model.Transform(doc).Values.Sum();
        return total;
    }

    [Benchmark]
    public double TransformOnly()
    {
        double total = 0;
        foreach (var doc in _documents)
            total += _model.Transform(doc).Values.Sum();
        return total;
    }
}
