using System.Text.Json;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Ingest;

/// <summary>
/// Our feed corpus (<c>Data/feeds/</c>): the forms of feedparser's test corpus (RSS 0.90 to 2.0, RDF, Atom 0.3 and
/// 1.0, their dates, authors, languages, links and content forms) and hostile or broken files. Each file's
/// articles and rejections are pinned in <c>Data/feeds-expected.jsonl</c>, written by hand from what the file says.
/// </summary>
public sealed class FeedCorpusTests
{
    private static readonly string Data = Path.Combine(RepoPaths.Root, "tests", "ClassifyPipeline.Tests", "Data");
    private static readonly string Folder = Path.Combine(Data, "feeds");

    private static readonly Dictionary<string, JsonElement> Expected = File.ReadAllLines(Path.Combine(Data, "feeds-expected.jsonl"))
        .Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone())
        .ToDictionary(e => e.GetProperty("file").GetString()!, StringComparer.Ordinal);

    public static TheoryData<string> Files => new(Expected.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Corpus_EveryFileHasItsExpectationsAndEveryExpectationItsFile()
    {
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(Expected.Count >= 40, $"the corpus has {Expected.Count} files");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Read_CorpusFile_GivesTheExpectedArticlesAndRejections(string name)
    {
        var expected = Expected[name];
        var read = Task.Run(() => new ArticleIngestor(new IngestOptions()).Read([Path.Combine(Folder, name)]).ToList());
        Assert.True(await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30))) == read, $"reading {name} did not finish within 30 s");
        var result = await read;
        var articles = result.Where(i => i.Article is not null).Select(i => i.Article!).ToList();
        var rejections = result.Where(i => i.Rejection is not null).Select(i => i.Rejection!.Reason).ToList();

        Assert.DoesNotContain(rejections, r => r.StartsWith(ReaderGuard.Marker, StringComparison.Ordinal));
        Assert.True(expected.GetProperty("articles").GetInt32() == articles.Count, $"{articles.Count} articles; rejections: {string.Join(" | ", rejections)}");
        Assert.True(expected.GetProperty("rejections").GetInt32() == rejections.Count, $"{rejections.Count} rejections: {string.Join(" | ", rejections)}");
        if (expected.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in items.EnumerateArray())
                Check(articles[i++], item);
        }
        if (expected.TryGetProperty("reasons", out var reasons))
        {
            foreach (var reason in reasons.EnumerateArray().Select(r => r.GetString()!))
                Assert.True(rejections.Any(r => r.Contains(reason, StringComparison.Ordinal)), $"no rejection says '{reason}': {string.Join(" | ", rejections)}");
        }
    }

    private static void Check(Article article, JsonElement expected)
    {
        foreach (var field in expected.EnumerateObject())
        {
            var actual = field.Name switch
            {
                "id" => article.Id,
                "url" => article.Url,
                "title" => article.Title,
                "body" => article.Body,
                "published" => article.Published?.ToString(),
                "modified" => article.Modified?.ToString(),
                "author" => article.Author,
                "lang" => article.Lang,
                "source" => article.Source,
                _ => throw new InvalidOperationException($"unknown field '{field.Name}' in feeds-expected.jsonl"),
            };
            Assert.True(field.Value.ValueKind == JsonValueKind.Null ? actual is null : field.Value.GetString() == actual,
                $"{article.Input} {field.Name}: expected {field.Value.GetRawText()}, got {(actual is null ? "null" : JsonSerializer.Serialize(actual))}");
        }
    }

    [Fact]
    public async Task Run_TheWholeCorpusAndAHugeItem_FinishesWithoutAReaderFailureOrALeak()
    {
        using var temp = new TempDirectory();
        var huge = temp.File("huge_item.rss", HostileInput.Rss(HostileInput.Item(1, body: new string('h', 3_000_000)) + HostileInput.Item(2)));
        var outDir = Path.Combine(temp.Path, "out");

        var run = Support.Cli.Run("run", Folder, huge, "--out", outDir);
        Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(3))) == run, "the run did not finish within 3 minutes");
        var outcome = await run;

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var rejected = File.ReadAllLines(Path.Combine(outDir, "rejected.jsonl"));
        Assert.DoesNotContain(rejected, line => line.Contains(ReaderGuard.Marker, StringComparison.Ordinal));
        Assert.Contains(rejected, line => line.Contains("huge_item.rss", StringComparison.Ordinal) && line.Contains("ingest.maxItemChars", StringComparison.Ordinal));
        var files = Directory.GetFiles(Folder).Order(StringComparer.Ordinal).Append(huge).ToList();
        var ingested = new ArticleIngestor(new IngestOptions()).Ingest(files);
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "run.json"))).RootElement.GetProperty("counts");
        Assert.Equal(ingested.Articles.Count, manifest.GetProperty("articles").GetInt32());
        Assert.Equal(ingested.Rejections.Count, manifest.GetProperty("rejected").GetInt32());
        foreach (var output in Directory.GetFiles(outDir))
            Assert.DoesNotContain("root:x:0:0", File.ReadAllText(output));
    }
}
