using System.Globalization;
using System.Text.Json;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Tools;

/// <summary><c>generate corpus</c> in tools/: deterministic, spread over days, split into files, with gold labels that fit the articles.</summary>
public sealed class GenerateCorpusCommandTests : IDisposable
{
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();
    private readonly string _sources;

    public GenerateCorpusCommandTests()
    {
        // 60 real BBC articles are enough sources for the generator (it needs 10 of three sentences or more)
        _sources = _dir.File("sources.jsonl", string.Join("\n", File.ReadLines(RepoPaths.BbcTrain).Where((_, i) => i % 30 == 0)) + "\n");
    }

    public void Dispose() => _dir.Dispose();

    private string Out(string name) => Path.Combine(_dir.Path, name);

    private async Task Generate(params string[] options)
    {
        var outcome = await ToolsCli.Run(["generate", "corpus", _sources, "--size", "600", "--seed", "5", .. options]);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
    }

    private static List<JsonElement> Records(string path) => File.ReadLines(path).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static DateTimeOffset Published(JsonElement record) => DateTimeOffset.Parse(record.GetProperty("published").GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Generate_SameSeedTwice_SameBytes_ArticlesThirtySecondsApart_GoldFitsTheArticles()
    {
        await Generate("--out", Out("a.jsonl"));
        await Generate("--out", Out("b.jsonl"));

        Assert.Equal(File.ReadAllBytes(Out("a.jsonl")), File.ReadAllBytes(Out("b.jsonl")));
        Assert.Equal(File.ReadAllBytes(Out("a.gold.csv")), File.ReadAllBytes(Out("b.gold.csv")));
        var records = Records(Out("a.jsonl"));
        Assert.Equal(600, records.Count);
        Assert.Equal(Epoch.AddSeconds(599 * 30), Published(records[^1]));

        var gold = File.ReadLines(Out("a.gold.csv")).ToList();
        Assert.Equal("id,story,duplicateOf", gold[0]);
        var rows = gold.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(records.Select(r => r.GetProperty("id").GetString()), rows.Select(r => r[0]));
        var row = rows.ToDictionary(r => r[0]);
        var duplicates = rows.Where(r => r[2].Length > 0).ToList();
        Assert.InRange(duplicates.Count, 30, 90); // about one in ten
        Assert.All(duplicates, d =>
        {
            var original = row[d[2]];
            Assert.Equal(d[1], original[1]);                                   // the copy is in its original's story
            Assert.Equal("", original[2]);                                     // and points at the first copy
            Assert.True(string.CompareOrdinal(original[0], d[0]) < 0, $"{d[0]} copies a later {original[0]}");
        });
        Assert.InRange(rows.Select(r => r[1]).Distinct().Count(), 60, 300);
    }

    [Fact]
    public async Task Generate_Days_SameArticlesSpreadEvenlyOverThoseDays()
    {
        await Generate("--out", Out("plain.jsonl"));
        await Generate("--out", Out("spread.jsonl"), "--days", "2");

        var plain = Records(Out("plain.jsonl"));
        var spread = Records(Out("spread.jsonl"));
        Assert.Equal(File.ReadAllBytes(Out("plain.gold.csv")), File.ReadAllBytes(Out("spread.gold.csv")));
        Assert.Equal(plain.Select(r => r.GetProperty("text").GetString()), spread.Select(r => r.GetProperty("text").GetString()));
        var times = spread.Select(Published).ToList();
        Assert.Equal(Epoch, times[0]);
        Assert.Equal(times.Order(), times);
        Assert.Equal(Epoch.AddSeconds(Math.Floor(599 * (2 * 86400.0 / 600))), times[^1]); // 288 s apart
        Assert.InRange(times.Count(t => t < Epoch.AddDays(1)), 299, 301);
    }

    [Fact]
    public async Task Generate_Files_ConsecutivePartsInAFolderEqualToOneFile_OneGoldBesideTheFolder()
    {
        await Generate("--out", Out("one.jsonl"));
        await Generate("--out", Out("parts"), "--files", "4");

        var parts = Directory.GetFiles(Out("parts")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["part-00.jsonl", "part-01.jsonl", "part-02.jsonl", "part-03.jsonl"], parts.Select(Path.GetFileName));
        Assert.All(parts, p => Assert.Equal(150, File.ReadLines(p).Count()));
        Assert.Equal(File.ReadAllBytes(Out("one.jsonl")), parts.SelectMany(File.ReadAllBytes).ToArray());
        Assert.Equal(File.ReadAllBytes(Out("one.gold.csv")), File.ReadAllBytes(Out("parts.gold.csv")));

        // again into the same folder, with fewer parts: the earlier parts are replaced, not left beside the new ones
        await Generate("--out", Out("parts"), "--files", "3");
        Assert.Equal(3, Directory.GetFiles(Out("parts")).Length);
        Assert.Equal(File.ReadAllBytes(Out("one.jsonl")), Directory.GetFiles(Out("parts")).Order(StringComparer.Ordinal).SelectMany(File.ReadAllBytes).ToArray());
    }

    [Fact]
    public async Task Generate_FolderHoldingOtherFiles_InputErrorAndNothingDeleted()
    {
        var mine = _dir.File("busy/notes.txt", "mine");

        var outcome = await ToolsCli.Run("generate", "corpus", _sources, "--size", "10", "--files", "2", "--out", Out("busy"));

        Assert.Equal(3, outcome.ExitCode);
        Assert.Contains("holds other files than generated parts", outcome.Error);
        Assert.True(File.Exists(mine));
    }

    [Theory]
    [InlineData("--files", "0", "--files must be between 1 and --size (10)")]
    [InlineData("--files", "11", "--files must be between 1 and --size (10)")]
    [InlineData("--days", "0", "--days must be more than 0")]
    public async Task Generate_BadSpreadOrFileCount_UsageError(string option, string value, string message)
    {
        var outcome = await ToolsCli.Run("generate", "corpus", _sources, "--size", "10", option, value, "--out", Out("x.jsonl"));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(message, outcome.Error);
    }

    [Fact]
    public async Task Generate_UnknownOption_NamedWithTheNearestOne()
    {
        var outcome = await ToolsCli.Run("generate", "corpus", _sources, "--size", "10", "--out", Out("x.jsonl"), "--day", "3");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Unrecognized option '--day' for 'ClassifyPipeline.Tools generate corpus'. Did you mean '--days'?", outcome.Error);
    }
}
