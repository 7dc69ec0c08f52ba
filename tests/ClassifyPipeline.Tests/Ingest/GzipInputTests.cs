using System.IO.Compression;
using System.Text;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Ingest;

public sealed class GzipInputTests
{
    private static byte[] Gzip(string text) => Gzip(Encoding.UTF8.GetBytes(text));

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(bytes);
        return buffer.ToArray();
    }

    [Theory]
    [InlineData("feed.jsonl.gz", "feed.jsonl")]
    [InlineData("page.HTML.GZ", "page.HTML")]
    [InlineData("notes.txt", "notes.txt")]
    [InlineData("archive.gz", "archive")]
    public void KindName_DropsAFinalGz(string path, string expected) => Assert.Equal(expected, GzipInput.KindName(path));

    [Fact]
    public void Ingest_CompressedJsonLines_StreamsRecordsWithTheirLines()
    {
        using var temp = new TempDirectory();
        var file = temp.File("feed.jsonl.gz", Gzip("""
            {"id": "a1", "text": "Body one"}
            {"id": "a2", "broken"
            {"id": "a3", "text": "Body three"}
            """));

        var result = new ArticleIngestor(new IngestOptions()).Ingest([file]);

        Assert.Equal(["a1", "a3"], result.Articles.Select(a => a.Id));
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal((file, "line 2"), (rejection.Input, rejection.Location));
    }

    [Fact]
    public void Ingest_CompressedTextAndPage_TakeTheirIdsFromTheNameWithoutTheExtensions()
    {
        using var temp = new TempDirectory();
        var text = temp.File("dispatch.txt.gz", Gzip("GENEVA (Reuters) - Talks resumed on Monday after a week of delays."));
        var page = temp.File("story.html.gz", Gzip("""
            <html><head><title>Talks resume</title></head><body><article>
            <p>Talks resumed in Geneva on Monday after a week of delays, the envoys said in a joint statement.</p>
            <p>Both delegations were expected to meet again later in the week to discuss the ceasefire.</p>
            </article></body></html>
            """));

        var result = new ArticleIngestor(new IngestOptions()).Ingest([text, page]);

        Assert.Empty(result.Rejections);
        Assert.Equal(["dispatch", "story"], result.Articles.Select(a => a.Id));
        Assert.Contains("ceasefire", result.Articles[1].Body);
    }

    [Fact]
    public void Ingest_CompressedFileThatInflatesPastTheCap_IsRejectedNotRead()
    {
        using var temp = new TempDirectory();
        var bomb = temp.File("bomb.txt.gz", Gzip(new byte[4 * 1024 * 1024]));
        var fine = temp.File("fine.txt", "A short article that is read.");
        Assert.True(new FileInfo(bomb).Length < 64 * 1024);

        var result = new ArticleIngestor(new IngestOptions { MaxFileBytes = 1024 * 1024 }).Ingest([bomb, fine]);

        Assert.Equal(["fine"], result.Articles.Select(a => a.Id));
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(bomb, rejection.Input);
        Assert.Contains("decompressed content is over ingest.maxFileBytes", rejection.Reason);
    }

    [Fact]
    public void Ingest_CorruptOrTruncatedGzip_IsARejectionAndTheBatchGoesOn()
    {
        using var temp = new TempDirectory();
        var whole = Gzip(string.Concat(Enumerable.Range(0, 2000).Select(i => $"{{\"id\": \"a{i}\", \"text\": \"Body {i} of the feed\"}}\n")));
        var truncated = temp.File("cut.jsonl.gz", whole[..(whole.Length / 2)]);
        var notGzip = temp.File("plain.txt.gz", "this was never compressed");
        var fine = temp.File("fine.txt", "A short article that is read.");

        var result = new ArticleIngestor(new IngestOptions()).Ingest([truncated, notGzip, fine]);

        Assert.Contains(result.Articles, a => a.Id == "fine");
        Assert.Contains(result.Rejections, r => r.Input == truncated);
        Assert.Contains(result.Rejections, r => r.Input == notGzip);
        Assert.DoesNotContain(result.Articles, a => a.Id == "plain");
    }

    [Fact]
    public void Handles_CompressedKnownKindsOnly()
    {
        var ingestor = new ArticleIngestor(new IngestOptions());
        Assert.True(ingestor.Handles("a/feed.rss.gz"));
        Assert.True(ingestor.Handles("a/data.csv.gz"));
        Assert.False(ingestor.Handles("a/image.png.gz"));
        Assert.False(ingestor.Handles("a/archive.gz"));
    }
}
