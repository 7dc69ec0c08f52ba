using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using ClassifyPipeline.Text;

/// <summary>
/// Tokenize + analyze throughput over 500 BBC articles. Baseline: the usual quick approach,
/// a compiled <c>\w+</c> regex, lower-casing and a stop-word set lookup per token.
/// </summary>
[MemoryDiagnoser]
public partial class AnalyzeBenchmarks
{
    private IReadOnlyList<string> _texts = [];
    private TextAnalyzer _unigrams = null!;
    private TextAnalyzer _bigrams = null!;

    [GlobalSetup]
    public void Setup()
    {
        _texts = BenchmarkCorpus.Texts(500);
        _unigrams = new TextAnalyzer(new AnalysisOptions());
        _bigrams = new TextAnalyzer(new AnalysisOptions { MaxNGram = 2 });
    }

    [Benchmark(Baseline = true)]
    public int RegexLowerStopWords()
    {
        var count = 0;
        foreach (var text in _texts)
        {
            foreach (Match m in Word().Matches(text))
            {
                var token = m.Value.ToLowerInvariant();
                if (!StopWords.English.Contains(token))
                    count++;
            }
        }
        return count;
    }

    [Benchmark]
    public int TokenizeOnly()
    {
        var count = 0;
        foreach (var text in _texts)
            Tokenizer.Tokenize(text, (_, _) => count++);
        return count;
    }

    [Benchmark]
    public int AnalyzeUnigrams()
    {
        var count = 0;
        foreach (var text in _texts)
            count += _unigrams.Terms(text).Count;
        return count;
    }

    [Benchmark]
    public int AnalyzeBigrams()
    {
        var count = 0;
        foreach (var text in _texts)
            count += _bigrams.Terms(text).Count;
        return count;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();
}
