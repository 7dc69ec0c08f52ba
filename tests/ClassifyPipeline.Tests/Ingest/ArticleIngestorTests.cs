using System.Text;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Ingest;

public sealed class ArticleIngestorTests
{
    private static IngestResult Ingest(params string[] files) => new ArticleIngestor(new IngestOptions()).Ingest(files);

    [Fact]
    public void Read_ArticlesAndRejectionsInInputOrder()
    {
        using var temp = new TempDirectory();
        var first = temp.File("a.jsonl", """
            {"id": "a1", "text": "Body one", "url": "http://x/1"}
            {"id": "a2", "broken"
            {"id": "a1", "text": "Body one again"}
            """);
        var second = temp.File("b.jsonl", """
            {"id": "b1", "text": "Body two", "url": "http://x/1"}
            {"id": "b2", "text": "Body three"}
            """);
        var read = new ArticleIngestor(new IngestOptions()).Read([first, second]).ToList();

        Assert.Equal(["a1", "rejected line 2", "rejected a1", "rejected b1", "b2"], read.Select(i => i.Article?.Id ?? "rejected " + i.Rejection!.Location));
    }

    [Fact]
    public void Ingest_JsonLines_ReadsFieldsAndRejectsBadLinesAlone()
    {
        using var temp = new TempDirectory();
        var file = temp.File("feed.jsonl", """
            {"id": "a1", "title": "Talks", "text": "Body one", "url": "http://x/1", "published": "2024-05-01T10:00:00+02:00", "source": "Wire"}
            {"id": "a2", "title": "broken"
            [1, 2]
            {"id": "a3", "title": "No text"}
            {"id": "a4", "body": "Body four", "published": "yesterday"}

            {"title": "No id", "text": "Body five"}
            """);
        var result = Ingest(file);

        Assert.Equal(2, result.Articles.Count);
        var first = result.Articles[0];
        Assert.Equal(("a1", "Talks", "Body one", "http://x/1", "Wire"), (first.Id, first.Title, first.Body, first.Url, first.Source));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), first.Published);
        Assert.StartsWith("a", result.Articles[1].Id);
        Assert.Equal(16 + 1, result.Articles[1].Id.Length);

        Assert.Collection(result.Rejections,
            r => Assert.Equal(("line 2", true), (r.Location, r.Reason.Contains("malformed JSON"))),
            r => Assert.Equal(("line 3", true), (r.Location, r.Reason.Contains("expected a JSON object"))),
            r => Assert.Equal(("line 4", true), (r.Location, r.Reason.Contains("'text'"))),
            r => Assert.Equal(("line 5", true), (r.Location, r.Reason.Contains("ISO 8601"))));
        Assert.All(result.Rejections, r => Assert.Equal(file, r.Input));
    }

    [Fact]
    public void Ingest_Csv_QuotedNewlinesAndBadRows()
    {
        using var temp = new TempDirectory();
        var file = temp.File("items.csv", "id,title,text\nc1,\"Hello, world\",\"line one\nline \"\"two\"\"\"\nc2,only two\nc3,T,\"unterminated\n");
        var result = Ingest(file);

        var article = Assert.Single(result.Articles);
        Assert.Equal(("c1", "Hello, world", "line one\nline \"two\""), (article.Id, article.Title, article.Body));
        Assert.Collection(result.Rejections,
            r => Assert.Equal(("line 4", true), (r.Location, r.Reason.Contains("expected 3 fields"))),
            r => Assert.Equal(("line 5", true), (r.Location, r.Reason.Contains("unterminated"))));
    }

    [Fact]
    public void Ingest_CsvWithARepeatedColumnName_RowsCountEveryColumnAndTheFirstWins()
    {
        using var temp = new TempDirectory();
        // a spreadsheet export with two "note" columns: rows have 4 fields, as the header has 4 columns
        var result = Ingest(temp.File("items.csv", "id,note,text,NOTE\nc1,first,the body,second\nc2,x,y\n"));

        var article = Assert.Single(result.Articles);
        Assert.Equal(("c1", "the body"), (article.Id, article.Body));
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal("line 3", rejection.Location);
        Assert.Contains("expected 4 fields as in the header, found 3", rejection.Reason);
    }

    [Fact]
    public void Ingest_CsvWithoutTextColumn_RejectsTheFile()
    {
        using var temp = new TempDirectory();
        var result = Ingest(temp.File("x.csv", "id,title\n1,a\n"));
        Assert.Empty(result.Articles);
        Assert.Contains("no 'text' or 'body' column", Assert.Single(result.Rejections).Reason);
    }

    [Fact]
    public void Ingest_EmptyBinaryAndUnsupportedFiles_AreRejectedAndTheRestRead()
    {
        using var temp = new TempDirectory();
        var empty = temp.File("empty.txt", "");
        var junk = temp.File("junk.txt", [0x00, 0x01, 0xFF, 0x10, 0x00, 0x42]);
        var other = temp.File("doc.pdf", "%PDF");
        var good = temp.File("good.txt", "Headline here\n\nSome article text.");
        var result = Ingest(empty, junk, other, good);

        Assert.Equal("good", Assert.Single(result.Articles).Id);
        Assert.Contains(result.Rejections, r => r.Input == empty && r.Reason.Contains("empty"));
        Assert.Contains(result.Rejections, r => r.Input == junk && r.Reason.Contains("binary"));
        Assert.Contains(result.Rejections, r => r.Input == other && r.Reason.Contains("unsupported"));
    }

    [Fact]
    public void Ingest_MissingFile_IsRejectedNotThrown()
    {
        var result = Ingest("/nonexistent/nowhere.txt");
        Assert.Contains("cannot read", Assert.Single(result.Rejections).Reason);
    }

    [Fact]
    public void Ingest_SameIdOrUrlTwice_KeepsTheFirst()
    {
        using var temp = new TempDirectory();
        var a = temp.File("a.jsonl", """
            {"id": "1", "text": "first", "url": "http://x/a"}
            {"id": "1", "text": "same id"}
            {"id": "2", "text": "same url", "url": "HTTP://X/a"}
            """);
        var result = Ingest(a);
        Assert.Equal("first", Assert.Single(result.Articles).Body);
        Assert.Equal(2, result.Rejections.Count);
        Assert.All(result.Rejections, r => Assert.StartsWith("repeat", r.Reason));
    }

    [Fact]
    public void Ingest_SizeCaps_RejectOversizedFilesAndArticles()
    {
        using var temp = new TempDirectory();
        var big = temp.File("big.txt", new string('x', 2000));
        var ingestor = new ArticleIngestor(new IngestOptions { MaxFileBytes = 1000 });
        Assert.Contains("ingest.maxFileBytes", Assert.Single(ingestor.Ingest([big]).Rejections).Reason);

        var capped = new ArticleIngestor(new IngestOptions { MaxArticleChars = 100 });
        Assert.Contains("ingest.maxArticleChars", Assert.Single(capped.Ingest([big]).Rejections).Reason);
    }

    [Fact]
    public void Decode_Encodings_BomUtf16AndLatin1Fallback()
    {
        Assert.Equal("Zürich", TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Zürich")]).Text);
        Assert.Equal("Zürich", TextDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Zürich")]).Text);
        var latin1 = TextDecoder.Decode(Encoding.Latin1.GetBytes("Zürich café"));
        Assert.Equal("Zürich café", latin1.Text);
        Assert.Contains("Latin-1", latin1.Encoding);
    }
}
