using System.Text;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Tests.Support;
using static ClassifyPipeline.Tests.Ingest.HostileInput;

namespace ClassifyPipeline.Tests.Ingest;

public sealed class FeedReaderTests
{
    private readonly FeedReader _reader = new();

    private static List<ClassifyPipeline.Articles.Article> Articles(IEnumerable<ReadItem> items) => items.Where(i => i.Article is not null).Select(i => i.Article!).ToList();

    private static List<ClassifyPipeline.Articles.Rejection> Rejections(IEnumerable<ReadItem> items) => items.Where(i => i.Rejection is not null).Select(i => i.Rejection!).ToList();

    [Fact]
    public void Read_Rss20_MapsEveryField()
    {
        var xml = Rss("""
            <item>
              <title>Harbour &lt;b&gt;reopens&lt;/b&gt; &amp;amp; ships return</title>
              <link>https://daily.example/harbour</link>
              <guid>tag:daily.example,2026:harbour</guid>
              <pubDate>Mon, 23 Nov 2026 10:30:00 +0100</pubDate>
              <description>short summary</description>
              <content:encoded><![CDATA[<p>The harbour reopened&nbsp;today.</p><script>alert('x')</script><p>Ships &eacute;verywhere.</p>]]></content:encoded>
            </item>
            """, channelTitle: "The &lt;i&gt;Daily&lt;/i&gt; Post");
        var items = Read(_reader, xml);

        var a = Assert.Single(Articles(items));
        Assert.Empty(Rejections(items));
        Assert.Equal("tag:daily.example,2026:harbour", a.Id);
        Assert.Equal("https://daily.example/harbour", a.Url);
        Assert.Equal("Harbour reopens & ships return", a.Title);
        Assert.Equal("The Daily Post", a.Source);
        Assert.Equal("2026-11-23T10:30:00+01:00", a.Published.ToString());
        Assert.Equal("The harbour reopened today.\nShips éverywhere.", a.Body);
    }

    [Fact]
    public void Read_Atom_MapsEveryField()
    {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Atom News</title><id>urn:feed</id><updated>2026-11-23T10:00:00Z</updated>
              <entry>
                <id>urn:uuid:1</id><title type="html">One &lt;em&gt;entry&lt;/em&gt;</title>
                <published>2026-11-22T08:00:00+02:00</published><updated>2026-11-23T08:00:00Z</updated>
                <link rel="alternate" href="https://atom.example/1"/>
                <summary>The summary</summary>
                <content type="html">&lt;p&gt;Full &amp;amp; complete text.&lt;/p&gt;</content>
              </entry>
              <entry>
                <id>urn:uuid:2</id><title>Two</title><updated>2026-11-23T09:00:00Z</updated>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>XHTML text</p></div></content>
              </entry>
            </feed>
            """;
        var articles = Articles(Read(_reader, xml));

        Assert.Equal(2, articles.Count);
        Assert.Equal(("urn:uuid:1", "https://atom.example/1", "One entry", "Atom News"), (articles[0].Id, articles[0].Url, articles[0].Title, articles[0].Source));
        Assert.Equal("2026-11-22T08:00:00+02:00", articles[0].Published.ToString());
        Assert.Equal("2026-11-23T08:00:00Z", articles[0].Modified.ToString());
        Assert.Equal("Full & complete text.", articles[0].Body);
        Assert.Equal(("2026-11-23T09:00:00Z", "2026-11-23T09:00:00Z"), (articles[1].Published.ToString(), articles[1].Modified.ToString()));
        Assert.Null(articles[1].Url);
        Assert.Equal("XHTML text", articles[1].Body);
    }

    [Fact]
    public void Read_BrokenDate_KeepsItemWithoutDateAndNotesIt()
    {
        var items = Read(_reader, Rss(Item(1) + Item(2, date: "the day after tomorrow") + Item(3)));

        var articles = Articles(items);
        Assert.Equal(3, articles.Count);
        Assert.Null(articles[1].Published);
        Assert.NotNull(articles[0].Published);
        var note = Assert.Single(Rejections(items));
        Assert.Equal("item 2", note.Location);
        Assert.Contains("unreadable date 'the day after tomorrow'", note.Reason);
    }

    [Fact]
    public void Read_DateAfterTheRunOrBefore1900_KeepsItemWithoutDateAndNotesIt()
    {
        var reader = new FeedReader(time: new FixedTime(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero)));
        var items = Read(reader, Rss(Item(1) + Item(2, date: "Tue, 01 Jun 2027 10:00:00 GMT") + Item(3, date: "Mon, 01 Jan 1855 10:00:00 GMT")
            + Item(4, date: "Tue, 01 Dec 2026 23:00:00 GMT")));

        var articles = Articles(items);
        Assert.Equal(4, articles.Count);
        Assert.Equal([true, false, false, true], articles.Select(a => a.Published is not null));
        var notes = Rejections(items);
        Assert.Equal(["item 2", "item 3"], notes.Select(n => n.Location));
        Assert.All(notes, n => Assert.Contains("implausible date", n.Reason));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Read_OneMalformedItem_KeepsTheOthers()
    {
        var items = Read(_reader, Rss(Item(1) + Item(2, body: "broken <b>unclosed & bare ampersand") + Item(3)));

        Assert.Equal(["daily-1", "daily-3"], Articles(items).Select(a => a.Id));
        var rejections = Rejections(items);
        Assert.Contains(rejections, r => r.Location!.StartsWith("item 2 (line ", StringComparison.Ordinal) && r.Reason.Contains("malformed item"));
        Assert.Contains(rejections, r => r.Reason.Contains("not well-formed") && r.Reason.Contains("2 of 3 item(s) recovered"));
    }

    [Fact]
    public void Read_TruncatedXml_KeepsTheCompleteItems()
    {
        var xml = Rss(Item(1) + Item(2) + Item(3));
        var cut = xml[..(xml.IndexOf("daily-3", StringComparison.Ordinal) + 3)];

        var items = Read(_reader, cut);

        Assert.Equal(["daily-1", "daily-2"], Articles(items).Select(a => a.Id));
        Assert.Contains(Rejections(items), r => r.Location!.StartsWith("item 3", StringComparison.Ordinal) && r.Reason.Contains("truncated"));
    }

    [Fact]
    public void Read_BillionLaughs_NothingIsExpandedAndTheReferenceStaysText()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">\n");
        for (var i = 1; i <= 12; i++)
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n");
        var xml = Rss(Item(1) + Item(2, body: "&lol12; and &lol0;") + Item(3), prolog: $"<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n{entities}]>");

        var items = Read(_reader, xml, seconds: 10);

        Assert.Equal(["daily-1", "daily-2", "daily-3"], Articles(items).Select(a => a.Id));
        // the one safe declaration (plain text) is honoured, as feedparser does; the nested ones are not
        Assert.Equal("&lol12; and lol", Articles(items)[1].Body);
        var note = Assert.Single(Rejections(items));
        Assert.Equal((null, true), (note.Location, note.Reason.Contains("(&lol12;) kept as text")));
        Assert.DoesNotContain("lollol", AllText(items));
    }

    [Fact]
    public void Read_BillionLaughsInChannelTitle_IsNotExpanded()
    {
        var entities = new StringBuilder("<!ENTITY a0 \"ha\">\n");
        for (var i = 1; i <= 30; i++)
            entities.Append($"<!ENTITY a{i} \"&a{i - 1};&a{i - 1};\">\n");
        var xml = Rss(Item(1), channelTitle: "&a30;", prolog: $"<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n{entities}]>");

        var items = Read(_reader, xml, seconds: 10);

        Assert.Equal("&a30;", Assert.Single(Articles(items)).Source);
        Assert.Contains("&a30;", Assert.Single(Rejections(items)).Reason);
        Assert.DoesNotContain("haha", AllText(items));
    }

    [Fact]
    public void Read_ExternalEntity_NeverReadsTheFile()
    {
        using var temp = new TempDirectory();
        const string secret = "TOP-SECRET-7f3a9c";
        var secretFile = temp.File("secret.txt", secret);
        var xml = Rss(Item(1, body: "&xxe;") + Item(2, title: "&xxe;") + Item(3),
            prolog: $"<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://{secretFile}\"> <!ENTITY % p SYSTEM \"file://{secretFile}\"> %p;]>");
        var feed = temp.File("feed.rss", xml);

        var items = Read(_reader, feed, File.ReadAllBytes(feed));

        Assert.Equal(["daily-1", "daily-2", "daily-3"], Articles(items).Select(a => a.Id));
        Assert.Equal(("&xxe;", "&xxe;"), (Articles(items)[0].Body, Articles(items)[1].Title));
        Assert.DoesNotContain(secret, AllText(items));
        Assert.Contains(Rejections(items), r => r.Reason.Contains("&xxe;"));
    }

    [Fact]
    public void Read_DeclaredUtf8ButLatin1Bytes_FallsBackToLatin1()
    {
        var bytes = Encoding.Latin1.GetBytes(Rss(Item(1, body: "Un café à Zürich")));

        var a = Assert.Single(Articles(Read(_reader, "/in/l1.rss", bytes)));

        Assert.Equal("Un café à Zürich", a.Body);
    }

    [Fact]
    public void Read_DeclaredWindows1252_HonoursTheDeclaration()
    {
        var xml = Rss(Item(1, body: "It’s “quoted” — €5"), prolog: "<?xml version=\"1.0\" encoding=\"windows-1252\"?>");
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(xml);

        var a = Assert.Single(Articles(Read(_reader, "/in/cp.rss", bytes)));

        Assert.Equal("It’s “quoted” — €5", a.Body);
    }

    [Theory]
    [InlineData("ISO-8859-1")]
    [InlineData("windows-1252")]
    public void Read_DeclaredLatin1ButUtf8Bytes_ReadsTheBytesAsUtf8(string declared)
    {
        var xml = Rss(Item(1, body: "Zürich — €5"), prolog: $"<?xml version=\"1.0\" encoding=\"{declared}\"?>");

        var a = Assert.Single(Articles(Read(_reader, "/in/stale.rss", Encoding.UTF8.GetBytes(xml))));

        Assert.Equal("Zürich — €5", a.Body);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_Utf16_IsDecoded(bool bom)
    {
        var xml = Rss(Item(1, body: "Ünïcödé text"), prolog: "<?xml version=\"1.0\" encoding=\"utf-16\"?>");
        var bytes = Encoding.Unicode.GetBytes(xml);
        if (bom)
            bytes = [0xFF, 0xFE, .. bytes];

        var a = Assert.Single(Articles(Read(_reader, "/in/u16.rss", bytes)));

        Assert.Equal("Ünïcödé text", a.Body);
    }

    [Fact]
    public void Read_OversizedItem_IsRejectedAndTheRestKept()
    {
        var reader = new FeedReader(maxItemChars: 1000);
        var items = Read(reader, Rss(Item(1) + Item(2, body: new string('x', 5000)) + Item(3)));

        Assert.Equal(["daily-1", "daily-3"], Articles(items).Select(a => a.Id));
        var r = Assert.Single(Rejections(items));
        Assert.Equal("item 2", r.Location);
        Assert.Contains("ingest.maxItemChars", r.Reason);
    }

    [Fact]
    public void Read_MarkupAndScriptInTitle_TitleIsPlainText()
    {
        var title = "&lt;script&gt;document.title='pwned'&lt;/script&gt;Mayor &lt;img src=x onerror=alert(1)&gt;resigns";

        var a = Assert.Single(Articles(Read(_reader, Rss(Item(1, title: title)))));

        Assert.Equal("Mayor resigns", a.Title);
    }

    [Fact]
    public void Read_BinaryJunk_IsRejectedAsBinary()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);

        var r = Assert.Single(Read(_reader, "/in/junk.xml", bytes)).Rejection;

        Assert.NotNull(r);
        Assert.Contains("binary", r.Reason);
    }

    [Fact]
    public void Read_TextThatIsNotXml_IsRejectedClearly()
    {
        var r = Assert.Single(Read(_reader, "just some words, no markup at all")).Rejection;

        Assert.NotNull(r);
        Assert.Contains("not well-formed", r.Reason);
    }

    [Fact]
    public void Read_OtherXml_IsRejectedAsNotAFeed()
    {
        var r = Assert.Single(Read(_reader, "<?xml version=\"1.0\"?><catalog><book/></catalog>")).Rejection;

        Assert.NotNull(r);
        Assert.Contains("not an RSS, RDF or Atom feed", r.Reason);
        Assert.Contains("<catalog>", r.Reason);
    }

    [Fact]
    public void Read_ItemWithoutText_IsRejected()
    {
        var items = Read(_reader, Rss("<item><title>Only a title</title><guid>g</guid></item>" + Item(2)));

        Assert.Single(Articles(items));
        Assert.Contains(Rejections(items), r => r.Location == "item 1" && r.Reason.Contains("no article text"));
    }

    [Fact]
    public void Read_NoGuid_IdIsTheLink()
    {
        var a = Assert.Single(Articles(Read(_reader, Rss("<item><title>T</title><link>https://x.example/a</link><description>body</description></item>"))));

        Assert.Equal("https://x.example/a", a.Id);
    }

    [Fact]
    public void Read_JavascriptLink_IsNotKeptAsUrl()
    {
        var a = Assert.Single(Articles(Read(_reader, Rss("<item><title>T</title><link>javascript:alert(1)</link><description>body</description></item>"))));

        Assert.Null(a.Url);
    }

    [Fact]
    public void Read_ManyUnclosedItems_StaysLinear()
    {
        var items = string.Concat(Enumerable.Range(0, 5_000).Select(i => $"<item><title>t{i}</title><description>body {i}</description>\n"));

        var result = Read(_reader, Rss(items), seconds: 30);

        Assert.Empty(Articles(result));
        Assert.Equal(5_001, Rejections(result).Count);
    }
}
