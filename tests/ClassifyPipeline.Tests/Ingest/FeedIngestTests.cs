using System.Text;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Tests.Support;
using static ClassifyPipeline.Tests.Ingest.HostileInput;

namespace ClassifyPipeline.Tests.Ingest;

public sealed class FeedIngestTests
{
    [Fact]
    public void Ingest_SameArticleThroughTwoFeeds_CountsOnce()
    {
        using var temp = new TempDirectory();
        var rss = temp.File("a.rss", Rss(Item(1) + Item(2)));
        var atom = temp.File("b.atom", """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Other</title><id>urn:o</id><updated>2026-11-23T10:00:00Z</updated>
              <entry><id>urn:other:1</id><title>Same story</title><updated>2026-11-23T10:00:00Z</updated>
                <link href="https://daily.example/1"/><summary>The text of story 1 about the harbour.</summary></entry>
              <entry><id>daily-2</id><title>Same guid</title><updated>2026-11-23T10:00:00Z</updated><summary>Story two again.</summary></entry>
              <entry><id>urn:other:3</id><title>New</title><updated>2026-11-23T10:00:00Z</updated><summary>Something else.</summary></entry>
            </feed>
            """);

        var result = new ArticleIngestor(new IngestOptions()).Ingest([rss, atom]);

        Assert.Equal(["daily-1", "daily-2", "urn:other:3"], result.Articles.Select(a => a.Id));
        Assert.Equal(2, result.Rejections.Count(r => r.Reason.StartsWith("repeat:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Ingest_MaxItemChars_IsPassedToTheFeedReader()
    {
        using var temp = new TempDirectory();
        var rss = temp.File("a.rss", Rss(Item(1, body: new string('y', 600))));

        var result = new ArticleIngestor(new IngestOptions { MaxItemChars = 500 }).Ingest([rss]);

        Assert.Empty(result.Articles);
        Assert.Contains("ingest.maxItemChars (500)", Assert.Single(result.Rejections).Reason);
    }

    [Fact]
    public async Task Run_HostileFolder_FinishesWithEveryProblemListedAndNothingLeaked()
    {
        using var temp = new TempDirectory();
        const string secret = "LEAK-CANARY-51d2";
        var secretFile = temp.File("private/secret.txt", secret);
        var inputs = Path.Combine(temp.Path, "in");
        var bomb = new StringBuilder();
        for (var i = 1; i <= 20; i++)
            bomb.Append($"<!ENTITY b{i} \"&b{i - 1};&b{i - 1};\">");
        temp.File("in/bomb.rss", Rss(Item(1), channelTitle: "&b20;", prolog: $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY b0 \"boom\">{bomb}]>"));
        temp.File("in/xxe.rss", Rss(Item(10, body: "&x;"), prolog: $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file://{secretFile}\">]>"));
        var full = Rss(Item(20) + Item(21));
        temp.File("in/truncated.xml", full[..full.IndexOf("daily-21", StringComparison.Ordinal)]);
        temp.File("in/junk.rss", Enumerable.Range(0, 3000).Select(i => (byte)(i * 7919 % 256)).ToArray());
        temp.File("in/utf16.atom", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>U</title><entry><id>u1</id><title>Wide</title><summary>Wide text</summary></entry></feed>")).ToArray());
        temp.File("in/good.rss", Rss(Item(30) + Item(31, title: "&lt;script&gt;alert(1)&lt;/script&gt;Plain")));
        var outDir = Path.Combine(temp.Path, "out");

        var run = Support.Cli.Run("run", inputs, "--out", outDir);
        Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))) == run, "the run did not finish within 60 s");
        var outcome = await run;

        Assert.Equal(0, outcome.ExitCode);
        var articles = File.ReadAllText(Path.Combine(outDir, "articles.jsonl"));
        var rejected = File.ReadAllLines(Path.Combine(outDir, "rejected.jsonl"));
        foreach (var id in new[] { "daily-20", "u1", "daily-30", "daily-31" })
            Assert.Contains($"\"id\":\"{id}\"", articles);
        foreach (var file in new[] { "bomb.rss", "xxe.rss", "truncated.xml", "junk.rss" })
            Assert.Contains(rejected, line => line.Contains(file));
        foreach (var output in Directory.GetFiles(outDir))
            Assert.DoesNotContain(secret, File.ReadAllText(output));
        Assert.DoesNotContain("boomboom", File.ReadAllText(Path.Combine(outDir, "rejected.jsonl")));
    }
}
