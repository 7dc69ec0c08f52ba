using ClassifyPipeline.Ingest;

namespace ClassifyPipeline.Tests.Ingest;

public sealed class HtmlArticleReaderTests
{
    private static readonly string Paragraphs = string.Concat(Enumerable.Range(1, 6).Select(i =>
        $"<p>Paragraph {i}: the city council voted on Tuesday to reopen the old harbour to cargo ships, ending a decade of closure that had cost the port thousands of jobs and left the waterfront empty.</p>"));

    [Fact]
    public void Read_ArticlePage_KeepsTheArticleAndDropsChrome()
    {
        var html = $"""
            <!DOCTYPE html><html><head><title>Harbour reopens | City News</title>
            <link rel="canonical" href="https://news.example/harbour">
            <meta property="og:site_name" content="City News">
            <meta property="article:published_time" content="2026-11-23T10:00:00Z">
            <script>document.write('tracking')</script></head>
            <body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
            <article><h1>Harbour reopens</h1>{Paragraphs}</article>
            <footer>Copyright City News</footer></body></html>
            """;

        var item = Assert.Single(new HtmlArticleReader().Read("/in/harbour.html", html, CancellationToken.None));

        var a = item.Article;
        Assert.NotNull(a);
        Assert.Equal("https://news.example/harbour", a.Id);
        Assert.Equal("https://news.example/harbour", a.Url);
        Assert.Equal("City News", a.Source);
        Assert.Contains("Harbour reopens", a.Title);
        Assert.Contains("Paragraph 6: the city council", a.Body);
        Assert.DoesNotContain("tracking", a.Body);
        Assert.DoesNotContain("Sport", a.Body);
    }

    [Fact]
    public void Read_PageWithoutArticleText_IsRejected()
    {
        var item = Assert.Single(new HtmlArticleReader().Read("/in/empty.html", "<html><body><nav>Home</nav></body></html>", CancellationToken.None));

        Assert.NotNull(item.Rejection);
        Assert.Contains("no article text", item.Rejection.Reason);
    }

    [Fact]
    public void Read_MetaCharsetWindows1252_IsHonoured()
    {
        var html = $"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>Café “news”</title></head><body><article><h1>Café “news”</h1>{Paragraphs}<p>€5 — naïve.</p></article></body></html>";
        var bytes = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(html);

        var a = Assert.Single(new HtmlArticleReader().Read("/in/cp.html", bytes, CancellationToken.None)).Article;

        Assert.NotNull(a);
        Assert.Contains("€5 — naïve.", a.Body);
    }

    [Fact]
    public void Read_BinaryJunk_IsRejectedAsBinary()
    {
        var bytes = Enumerable.Range(0, 2000).Select(i => (byte)(i * 31 % 256)).ToArray();

        var r = Assert.Single(new HtmlArticleReader().Read("/in/junk.html", bytes, CancellationToken.None)).Rejection;

        Assert.NotNull(r);
        Assert.Contains("binary", r.Reason);
    }

    [Fact]
    public void Read_PageTheExtractorCallsUnreadable_KeepsItsText()
    {
        // two short paragraphs: under Readability's "readerable" thresholds, but an article all the same
        const string html = "<html><head><title>Short note</title></head><body><div><p>The harbour reopens on Monday after ten years.</p><p>Ships may dock from 6 a.m.</p></div></body></html>";

        var a = Assert.Single(new HtmlArticleReader().Read("/in/short.html", html, CancellationToken.None)).Article;

        Assert.NotNull(a);
        Assert.Contains("The harbour reopens on Monday after ten years.", a.Body);
    }

    [Fact]
    public void Read_CaptionsGalleriesAndTeasers_AreNotArticleText()
    {
        var html = $"""
            <html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>{Paragraphs}
            <figure><img src="a.jpg"><figcaption>The old harbour at dawn. Photo: Jane Doe</figcaption></figure>
            <div class="gallery"><p>Gallery picture one of the harbour and its cranes</p></div>
            <div class="related-stories"><p>More in news: Council votes on the new budget for the coming year</p></div>
            <span class="hovercard">Jane Doe is a reporter covering the port and shipping</span>
            <p>The last paragraph of the article says the first ship is expected in spring.</p></article></body></html>
            """;

        var a = Assert.Single(new HtmlArticleReader().Read("/in/harbour.html", html, CancellationToken.None)).Article!;

        Assert.Contains("The last paragraph of the article", a.Body);
        Assert.DoesNotContain("Photo: Jane Doe", a.Body);
        Assert.DoesNotContain("Gallery picture", a.Body);
        Assert.DoesNotContain("More in news", a.Body);
        Assert.DoesNotContain("reporter covering the port", a.Body);
    }

    [Fact]
    public void Read_Metadata_ComesFromTheMarkup()
    {
        var html = $"""
            <html lang="en-gb"><head><title>Harbour reopens</title>
            <link rel="canonical" href="https://news.example/2020/01/18/harbour">
            <meta property="og:site_name" content="City News"><meta name="author" content="Jane Doe">
            <meta property="article:published_time" content="2020-01-18T23:30:00-05:00">
            <meta property="article:modified_time" content="2020-01-19T08:00:00-05:00"></head>
            <body><article><h1>Harbour reopens</h1>{Paragraphs}</article></body></html>
            """;

        var a = Assert.Single(new HtmlArticleReader().Read("/in/harbour.html", html, CancellationToken.None)).Article!;

        Assert.Equal(("City News", "Jane Doe", "en-GB"), (a.Source, a.Author, a.Lang));
        Assert.Equal("2020-01-18T23:30:00-05:00", a.Published.ToString());
        Assert.Equal("2020-01-19T08:00:00-05:00", a.Modified.ToString());
    }
}
