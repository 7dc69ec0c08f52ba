using System.IO.Compression;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Tests.Support;
using ClassifyPipeline.Text;

/// <summary>
/// Article extraction speed over real pages: Mozilla Readability's test pages from the development data (the first
/// <see cref="Pages"/> by name), else the five vendored in the tests, repeated. Each benchmark reads all of them, so
/// its time per operation is the time per page (pages/s = 1 / mean). Baseline: what the reader used to do, AngleSharp's
/// parse and SmartReader alone; then the whole HTML reader (metadata, chrome removal, SmartReader, text), and the reader
/// with the Clean stage, which is what <c>classify extract</c> and the first pass of <c>classify run</c> do per page.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private const int Pages = 40;

    private List<(string Path, string Html)> _pages = [];
    private HtmlArticleReader _reader = null!;
    private ArticleCleaner _cleaner = null!;

    [GlobalSetup]
    public void Setup()
    {
        var shared = Path.Combine(RepoPaths.SharedData, "pages", "readability");
        var folder = Directory.Exists(shared) ? shared : Path.Combine(RepoPaths.Root, "tests", "ClassifyPipeline.Tests", "Data", "pages");
        var files = Directory.GetFiles(folder, "*.html.gz").Order(StringComparer.Ordinal).ToList();
        _pages = Enumerable.Range(0, Pages).Select(i => files[i % files.Count]).Select(f => (f, Read(f))).ToList();
        _reader = new HtmlArticleReader();
        _cleaner = new ArticleCleaner(new CleanOptions());
    }

    private static string Read(string gz)
    {
        using var stream = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress);
        return new StreamReader(stream).ReadToEnd();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Pages)]
    public int SmartReaderAlone()
    {
        var chars = 0;
        var parser = new HtmlParser();
        foreach (var (path, html) in _pages)
        {
            var article = new SmartReader.Reader("https://example.com/" + Path.GetFileName(path), parser.ParseDocument(html)).GetArticle();
            chars += article.Content?.Length ?? 0;
        }
        return chars;
    }

    [Benchmark(OperationsPerInvoke = Pages)]
    public int HtmlReader()
    {
        var chars = 0;
        foreach (var (path, html) in _pages)
        {
            foreach (var item in _reader.Read(path, html, CancellationToken.None))
                chars += item.Article?.Body.Length ?? 0;
        }
        return chars;
    }

    [Benchmark(OperationsPerInvoke = Pages)]
    public int HtmlReaderAndClean()
    {
        var chars = 0;
        foreach (var (path, html) in _pages)
        {
            foreach (var item in _reader.Read(path, html, CancellationToken.None))
            {
                if (item.Article is { } article)
                    chars += _cleaner.Clean(article).Body.Length;
            }
        }
        return chars;
    }
}
