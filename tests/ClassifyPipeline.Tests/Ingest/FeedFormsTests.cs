using System.Text;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Ingest;
using static ClassifyPipeline.Tests.Ingest.HostileInput;

namespace ClassifyPipeline.Tests.Ingest;

/// <summary>The feed forms feedparser reads (its test corpus's cases), each read into the article's fields.</summary>
public sealed class FeedFormsTests
{
    private readonly FeedReader _reader = new();

    private List<Article> Articles(string xml) => Read(_reader, xml).Where(i => i.Article is not null).Select(i => i.Article!).ToList();

    private static string Fields(Article a) =>
        $"id={a.Id}|url={a.Url}|title={a.Title}|body={a.Body}|published={a.Published}|modified={a.Modified}|author={a.Author}|lang={a.Lang}|source={a.Source}";

    [Fact]
    public void Read_RssWithoutVersion_IsRead()
    {
        var a = Assert.Single(Articles("<rss><channel><title>No Version</title><item><title>T</title><link>http://x.example/1</link><description>Body</description></item></channel></rss>"));

        Assert.Equal("id=http://x.example/1|url=http://x.example/1|title=T|body=Body|published=|modified=|author=|lang=|source=No Version", Fields(a));
    }

    [Fact]
    public void Read_Rss091Netscape_DoctypeIgnoredAndHtmlEntitiesRead()
    {
        var a = Assert.Single(Articles("""
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Caf&eacute; News</title><link>http://cafe.example/</link><language>en-us</language>
            <managingEditor>editor@cafe.example (Ed Itor)</managingEditor>
            <item><title>Cr&egrave;me&nbsp;br&ucirc;l&eacute;e &mdash; a history</title><link>http://cafe.example/creme</link>
            <description>Sugar &amp; cream&hellip;</description></item></channel></rss>
            """));

        Assert.Equal("id=http://cafe.example/creme|url=http://cafe.example/creme|title=Crème brûlée — a history|body=Sugar & cream…|published=|modified=|author=|lang=en-US|source=Café News", Fields(a));
    }

    [Fact]
    public void Read_Rss10Rdf_ItemsBesideTheChannelWithDublinCore()
    {
        var articles = Articles("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel rdf:about="http://rdf.example/"><title>RDF Daily</title><link>http://rdf.example/</link>
                <dc:language>de-DE</dc:language><items><rdf:Seq><rdf:li rdf:resource="http://rdf.example/a"/></rdf:Seq></items></channel>
              <item rdf:about="http://rdf.example/a"><title>First</title><link>http://rdf.example/a</link>
                <dc:date>2004-01-05T12:00:00+01:00</dc:date><dc:creator>Anna Schmidt</dc:creator>
                <description>Short</description><content:encoded><![CDATA[<p>Full <b>text</b></p>]]></content:encoded></item>
              <item rdf:about="http://rdf.example/b"><title>Second</title><dc:date>2004-01-06</dc:date><dc:language>fr</dc:language><description>Deux</description></item>
            </rdf:RDF>
            """);

        Assert.Equal(2, articles.Count);
        Assert.Equal("id=http://rdf.example/a|url=http://rdf.example/a|title=First|body=Full text|published=2004-01-05T12:00:00+01:00|modified=|author=Anna Schmidt|lang=de-DE|source=RDF Daily", Fields(articles[0]));
        Assert.Equal("id=http://rdf.example/b|url=http://rdf.example/b|title=Second|body=Deux|published=2004-01-06|modified=|author=|lang=fr|source=RDF Daily", Fields(articles[1]));
    }

    [Fact]
    public void Read_Rss090_NetscapeRdfNamespace()
    {
        var a = Assert.Single(Articles("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
              <channel><title>Mozilla Dot Org</title><link>http://www.mozilla.org</link><description>the Mozilla Organization</description></channel>
              <item><title>New Status Updates</title><link>http://www.mozilla.org/status/</link></item>
              <item><title>No link, no text</title></item>
            </rdf:RDF>
            """.Replace("<item><title>New Status Updates</title>", "<item><title>New Status Updates</title><description>Status text</description>")));

        Assert.Equal("id=http://www.mozilla.org/status/|url=http://www.mozilla.org/status/|title=New Status Updates|body=Status text|published=|modified=|author=|lang=|source=Mozilla Dot Org", Fields(a));
    }

    [Theory]
    [InlineData("""<content type="text/html" mode="escaped">&lt;p&gt;Escaped &amp;amp; HTML&lt;/p&gt;</content>""", "Escaped & HTML")]
    [InlineData("""<content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline</p><p>XHTML</p></div></content>""", "Inline\nXHTML")]
    [InlineData("""<content type="text/plain" mode="escaped">a &lt;b&gt; is plain</content>""", "a <b> is plain")]
    [InlineData("""<content type="image/png" mode="base64">iVBORw0KGgo=</content><summary type="text/plain">The summary</summary>""", "The summary")]
    public void Read_Atom03_ContentModes(string content, string body)
    {
        var a = Assert.Single(Articles($"""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:lang="en">
              <title>Atom Zero Three</title><link rel="alternate" type="text/html" href="http://a03.example/"/>
              <author><name>Feed Author</name></author><modified>2004-01-06T00:00:00Z</modified>
              <entry><title>Entry</title><link rel="alternate" type="text/html" href="/entry/1"/><id>tag:a03.example,2004:1</id>
                <issued>2004-01-05T10:00:00-05:00</issued><modified>2004-01-05T16:00:00Z</modified><created>2004-01-05T09:00:00-05:00</created>
                {content}</entry>
            </feed>
            """));

        Assert.Equal($"id=tag:a03.example,2004:1|url=http://a03.example/entry/1|title=Entry|body={body}|published=2004-01-05T10:00:00-05:00|modified=2004-01-05T16:00:00Z|author=Feed Author|lang=en|source=Atom Zero Three", Fields(a));
    }

    [Fact]
    public void Read_Atom03_Base64Html()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("<p>Base64 <em>été</em></p>"));
        var a = Assert.Single(Articles($"""<feed xmlns="http://purl.org/atom/ns#"><entry><id>e</id><content type="text/html" mode="base64">{encoded}</content></entry></feed>"""));

        Assert.Equal("Base64 été", a.Body);
    }

    [Fact]
    public void Read_Atom10_TextTypeKeepsAngleBracketsAndXhtmlIsMarkup()
    {
        var articles = Articles("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">The <b>Feed</b></div></title>
              <entry><id>1</id><title type="text">x &lt; y &amp; &lt;b&gt;</title><content type="text">if a &lt;b&gt; c</content></entry>
              <entry><id>2</id><title type="html">&lt;i&gt;Styled&lt;/i&gt;</title><content src="http://x.example/out-of-line"/><summary>Only the summary</summary></entry>
            </feed>
            """);

        Assert.Equal(("x < y & <b>", "if a <b> c", "The Feed"), (articles[0].Title, articles[0].Body, articles[0].Source));
        Assert.Equal(("Styled", "Only the summary"), (articles[1].Title, articles[1].Body));
    }

    [Fact]
    public void Read_XmlBase_RelativeLinksResolvedAgainstNestedBasesThenTheChannelLink()
    {
        var articles = Articles("""
            <rss version="2.0"><channel xml:base="http://base.example/news/"><title>B</title><link>http://channel.example/home/</link>
              <item xml:base="2026/"><title>1</title><link>story.html</link><description>a</description></item>
              <item><title>2</title><link>/top.html</link><description>b</description></item>
              <item><title>3</title><link>ftp://files.example/x</link><guid>http://perma.example/3</guid><description>c</description></item>
              <item><title>4</title><guid isPermaLink="false">http://not-a-link.example/4</guid><description>d</description></item>
            </channel></rss>
            <rss><channel><title>Plain</title><link>http://plain.example/dir/</link>
              <item><title>5</title><link>page.html</link><description>e</description></item></channel></rss>
            """.Split("</rss>")[0] + "</rss>");
        var plain = Articles("""<rss><channel><title>Plain</title><link>http://plain.example/dir/</link><item><title>5</title><link>page.html</link><description>e</description></item></channel></rss>""");

        Assert.Equal(["http://base.example/news/2026/story.html", "http://base.example/top.html", "http://perma.example/3", null], articles.Select(a => a.Url));
        Assert.Equal("http://plain.example/dir/page.html", Assert.Single(plain).Url);
    }

    [Fact]
    public void Read_Atom10_XmlBaseOnTheLinkAndLanguageFromXmlLang()
    {
        var a = Assert.Single(Articles("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://atom.example/blog/" xml:lang="en-gb"><title>A</title>
              <entry xml:lang="pt-br"><id>urn:1</id><title>T</title><link rel="alternate" href="../posts/1"/><link rel="enclosure" href="/a.mp3"/>
              <author><name>Ana</name><email>ana@atom.example</email></author><author><name>Bo</name></author><summary>S</summary></entry>
            </feed>
            """));

        Assert.Equal(("http://atom.example/posts/1", "pt-BR", "Ana, Bo"), (a.Url, a.Lang, a.Author));
    }

    [Fact]
    public void Read_NamespacesByUriWhateverThePrefixAndUndeclaredPrefixesRepaired()
    {
        var articles = Articles("""
            <rss version="2.0" xmlns="http://backend.userland.com/rss2" xmlns:dublin="http://purl.org/dc/elements/1.1/" xmlns:c="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Prefixes</title>
              <item><title>One</title><dublin:creator>Dee Prefix</dublin:creator><dublin:date>2020-01-18</dublin:date><c:encoded>Encoded &lt;b&gt;body&lt;/b&gt;</c:encoded></item>
            </channel></rss>
            """);
        var undeclared = Articles("""<rss version="2.0"><channel><title>U</title><item><title>Two</title><dc:creator>Un Declared</dc:creator><media:thumbnail url="x"/><description>d</description></item></channel></rss>""");

        Assert.Equal(("Dee Prefix", "2020-01-18", "Encoded body"), (articles[0].Author, articles[0].Published.ToString(), articles[0].Body));
        Assert.Equal("Un Declared", Assert.Single(undeclared).Author);
    }

    [Theory]
    [InlineData("<author>jane@example.com (Jane Doe)</author>", "Jane Doe")]
    [InlineData("<author>Jane Doe &lt;jane@example.com&gt;</author>", "Jane Doe")]
    [InlineData("<author>jane@example.com</author>", "jane@example.com")]
    [InlineData("<dc:creator>Sergei L. Loiko</dc:creator><dc:creator>Paul Richter</dc:creator>", "Sergei L. Loiko, Paul Richter")]
    [InlineData("", null)]
    public void Read_Authors_NamesFromEachFormAndNoManagingEditor(string author, string? expected)
    {
        var a = Assert.Single(Articles(Rss($"<managingEditor>ed@daily.example (The Editor)</managingEditor><webMaster>web@daily.example</webMaster><item><title>T</title>{author}<description>d</description></item>")));

        Assert.Equal(expected, a.Author);
    }

    [Fact]
    public void Read_DescriptionForms_EscapedCdataAndInlineXml()
    {
        var articles = Articles(Rss("""
            <item><guid>1</guid><description>&lt;p&gt;Escaped&lt;/p&gt;&lt;p&gt;markup&lt;/p&gt;</description></item>
            <item><guid>2</guid><description><![CDATA[<p>CDATA</p><script>x()</script><p>markup &amp; more</p>]]></description></item>
            <item><guid>3</guid><description><p xmlns="http://www.w3.org/1999/xhtml">Inline <a href="/x">XML</a></p><p>markup</p></description></item>
            <item><guid>4</guid><xhtml:body xmlns:xhtml="http://www.w3.org/1999/xhtml"><xhtml:p>XHTML</xhtml:p><xhtml:p>body</xhtml:p></xhtml:body></item>
            """));

        Assert.Equal(["Escaped\nmarkup", "CDATA\nmarkup & more", "Inline XML\nmarkup", "XHTML\nbody"], articles.Select(a => a.Body));
    }

    [Fact]
    public void Read_SourceElementNamesTheOutletOfAnAggregatedItem()
    {
        var a = Assert.Single(Articles(Rss("""<item><title>T</title><source url="https://www.reuters.com">Reuters</source><description>d</description></item>""", channelTitle: "Aggregator")));

        Assert.Equal("Reuters", a.Source);
    }

    [Fact]
    public void Read_LanguagePriority_ItemThenChannelThenXmlLang()
    {
        var articles = Articles("""
            <rss version="2.0" xml:lang="es"><channel><title>L</title><language>en_GB</language>
              <item><title>1</title><dc:language xmlns:dc="http://purl.org/dc/elements/1.1/">it</dc:language><description>a</description></item>
              <item><title>2</title><description>b</description></item>
            </channel></rss>
            """);
        var fromXmlLang = Articles("""<rss version="2.0" xml:lang="es"><channel><title>L</title><item><title>3</title><description>c</description></item></channel></rss>""");

        Assert.Equal(["it", "en-GB"], articles.Select(a => a.Lang));
        Assert.Equal("es", Assert.Single(fromXmlLang).Lang);
    }

    [Fact]
    public void Read_CommonFaults_BareAmpersandLessThanAndControlCharactersAreRepaired()
    {
        var a = Assert.Single(Articles(Rss("<item><title>AT&T earnings\u0001 rise</title><link>http://x.example/?a=1&b=2</link><description>if x < 5 &#0;then</description></item>")));

        Assert.Equal(("AT&T earnings rise", "http://x.example/?a=1&b=2", "if x < 5 then"), (a.Title, a.Url, a.Body));
    }

    [Fact]
    public void Read_ElementsNestedDeeperThanTheCap_OnlyThatItemIsRejected()
    {
        var deep = string.Concat(Enumerable.Repeat("<x>", 100_000)) + string.Concat(Enumerable.Repeat("</x>", 100_000));
        var items = Read(_reader, Rss(Item(1) + $"<item><guid>deep</guid><description>{deep}</description></item>" + Item(3)), seconds: 30);

        Assert.Equal(["daily-1", "daily-3"], items.Where(i => i.Article is not null).Select(i => i.Article!.Id));
        Assert.Contains(items, i => i.Rejection?.Reason.Contains("nested deeper than 256") == true);
    }

    [Fact]
    public void Read_EscapedMarkupNestedVeryDeep_IsReadWithoutOverflowingTheStack()
    {
        var deep = string.Concat(Enumerable.Repeat("&lt;div&gt;", 300_000)) + "deep text";

        var a = Assert.Single(Read(_reader, Rss($"<item><guid>deep</guid><description>{deep}</description></item>"), seconds: 60), i => i.Article is not null).Article!;

        Assert.Equal("deep text", a.Body);
    }
}
