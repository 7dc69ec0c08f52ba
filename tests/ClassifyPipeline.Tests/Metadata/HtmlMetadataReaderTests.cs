using AngleSharp.Html.Parser;
using ClassifyPipeline.Metadata;

namespace ClassifyPipeline.Tests.Metadata;

public sealed class HtmlMetadataReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private const string Body = "<article><h1>Harbour reopens</h1><p>The city council voted on Tuesday to reopen the old harbour.</p></article>";

    private static PageMetadata Read(string head, string body = Body, string htmlAttributes = "") =>
        new HtmlMetadataReader(Now).Read(new HtmlParser().ParseDocument($"<!DOCTYPE html><html {htmlAttributes}><head>{head}</head><body>{body}</body></html>"));

    private static string LdScript(string json) => $"<script type=\"application/ld+json\">{json}</script>";

    [Fact]
    public void Read_JsonLdGraph_GivesDatesAuthorsAndPublisherByReference()
    {
        var m = Read(LdScript("""
            {"@context":"https://schema.org","@graph":[
              {"@type":"Organization","@id":"#org","name":"City News"},
              {"@type":"WebSite","@id":"#site","name":"City News Online"},
              {"@type":["NewsArticle"],"headline":"Harbour reopens","datePublished":"2020-01-18T23:30:00-05:00",
               "dateModified":"2020-01-19T08:00:00-05:00","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
               "publisher":{"@id":"#org"},"inLanguage":"en-US"}]}
            """));

        Assert.Equal("2020-01-18T23:30:00-05:00", m.Published.ToString()); // an evening page stays on its day
        Assert.Equal("2020-01-19T08:00:00-05:00", m.Modified.ToString());
        Assert.Equal("json-ld", m.PublishedFrom);
        Assert.Equal("Jane Doe, John Roe", m.Author);
        Assert.Equal("City News", m.Source);
        Assert.Equal("en-US", m.Lang);
        Assert.Equal("Harbour reopens", m.Title);
    }

    [Fact]
    public void Read_JsonLdInCdataOrBroken_IsStillRead()
    {
        Assert.Equal("2020-01-18", Read(LdScript("<![CDATA[ {\"@type\":\"Article\",\"datePublished\":\"2020-01-18\"} ]]>")).Published.ToString());
        Assert.Equal("2020-01-18", Read(LdScript("{\"@type\":\"Article\",\"headline\":\"line\nbreak\",\"datePublished\":\"2020-01-18\"}")).Published.ToString());
    }

    [Fact]
    public void Read_SourcesInOrderOfTrust()
    {
        const string ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-01-18\"}</script>";
        const string og = "<meta property=\"article:published_time\" content=\"2020-01-17T10:00:00+01:00\">";
        const string dc = "<meta name=\"DC.date.issued\" content=\"2020-01-16\">";
        const string prop = "<meta itemprop=\"datePublished\" content=\"2020-01-15\">";
        var time = "<article><time datetime=\"2020-01-14T09:00:00Z\">Jan 14</time><p>Text of the article.</p></article>";
        var byline = "<div class=\"byline\">By Jane Doe | Published Jan. 13, 2020</div><p>Text of the article.</p>";

        Assert.Equal(("2020-01-18", "json-ld"), Day(Read(ld + og + dc + prop, time + byline)));
        Assert.Equal(("2020-01-17", "meta"), Day(Read(og + dc + prop, time + byline)));
        Assert.Equal(("2020-01-16", "meta"), Day(Read(dc + prop, time + byline)));
        Assert.Equal(("2020-01-15", "itemprop"), Day(Read(prop, time + byline)));
        Assert.Equal(("2020-01-14", "time"), Day(Read("", time + byline)));
        Assert.Equal(("2020-01-13", "byline"), Day(Read("", byline)));

        static (string, string?) Day(PageMetadata m) => (m.Published!.Value.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), m.PublishedFrom);
    }

    [Fact]
    public void Read_ModifiedOnly_IsNotThePublishedDate()
    {
        var m = Read("<meta property=\"article:modified_time\" content=\"2020-01-19T08:00:00Z\">");

        Assert.Null(m.Published);
        Assert.Equal("2020-01-19T08:00:00Z", m.Modified.ToString());
    }

    [Fact]
    public void Read_VisibleByline_SkipsTheUpdatedDate_AndKeepsTheTime()
    {
        var m = Read("", "<p class=\"timestamp\">Updated 9:15 p.m. EST Jan. 19, 2020 · Published 3:04 PM ET Jan. 18, 2020</p><article><p>Text.</p></article>");

        Assert.Equal("2020-01-18T15:04:00", m.Published.ToString());
    }

    [Fact]
    public void Read_UrlDate_WhenTheMarkupHasNone()
    {
        var m = Read("<link rel=\"canonical\" href=\"https://news.example/2020/01/18/harbour-reopens\">");

        Assert.Equal(("2020-01-18", "url"), (m.Published.ToString(), m.PublishedFrom));
        Assert.Equal("https://news.example/2020/01/18/harbour-reopens", m.Url);
    }

    [Fact]
    public void Read_UrlWithYearAndMonthOnly_GivesNoDay_ButKeepsThePageTextScanInThatMonth()
    {
        var body = "<article><p>Written on March 3, 2019 about the events of 12 May 2018 and 12 May 2018.</p></article>";
        var m = Read("<link rel=\"canonical\" href=\"https://news.example/2019/03/harbour\">", body);

        Assert.Equal(("2019-03-03", "page text"), (m.Published.ToString(), m.PublishedFrom));
        Assert.Null(Read("<link rel=\"canonical\" href=\"https://news.example/2019/03/harbour\">").Published);
    }

    [Fact]
    public void Read_MetadataDateLaterThanTheUrlDay_YieldsToTheUrl()
    {
        var m = Read("<link rel=\"canonical\" href=\"https://news.example/2017/11/16/story\"><meta property=\"article:published_time\" content=\"2017-11-17T10:41:09Z\">");

        Assert.Equal(("2017-11-16", "url (metadata date later)"), (m.Published.ToString(), m.PublishedFrom));
    }

    [Fact]
    public void Read_UtcInJsonLd_SameInstantInTheMetaWithTheSiteOffset_KeepsTheSiteOffset()
    {
        var m = Read(LdScript("{\"@type\":\"NewsArticle\",\"datePublished\":\"2017-02-24T01:18:13Z\"}")
            + "<meta property=\"article:published_time\" content=\"2017-02-23T17:18:13-08:00\">");

        Assert.Equal("2017-02-23T17:18:13-08:00", m.Published.ToString());
    }

    [Fact]
    public void Read_FutureOrPlaceholderDates_AreSkippedForTheNextSource()
    {
        var m = Read("<meta property=\"article:published_time\" content=\"2031-01-01T00:00:00Z\"><meta name=\"date\" content=\"1970-01-01\"><meta name=\"pubdate\" content=\"2020-05-05\">");

        Assert.Equal("2020-05-05", m.Published.ToString());
    }

    [Fact]
    public void Read_PageText_CountsNoCitationOrUpdatedDates()
    {
        var body = "<article><p>Posted 2 February 2015.</p><p>Text.</p><ol class=\"references\"><li>Retrieved 2014-07-01</li><li>Retrieved 2014-07-01</li></ol>"
            + "<p>Last updated 1 July 2014</p><p>Updated 1 July 2014</p></article><footer>1 July 2014 1 July 2014</footer>";

        Assert.Equal("2015-02-02", Read("", body).Published.ToString());
    }

    [Theory]
    [InlineData("<meta property=\"og:locale\" content=\"en_GB\">", "", "en-GB")]
    [InlineData("", "lang=\"fr\"", "fr")]
    [InlineData("<meta http-equiv=\"content-language\" content=\"de-de\">", "", "de-DE")]
    public void Read_Language_AsABcp47Tag(string head, string htmlAttributes, string lang) =>
        Assert.Equal(lang, Read(head, Body, htmlAttributes).Lang);

    [Fact]
    public void Read_AuthorFromMeta_NotALinkOrTheOutlet()
    {
        var m = Read("<meta property=\"og:site_name\" content=\"City News\"><meta property=\"article:author\" content=\"https://facebook.com/jane\">"
            + "<meta name=\"author\" content=\"City News\"><meta name=\"parsely-author\" content=\"Jane Doe\">");

        Assert.Equal("Jane Doe", m.Author);
        Assert.Equal("City News", m.Source);
    }

    [Fact]
    public void Read_MarkupInTheTitleAndHugeScripts_StaysText()
    {
        var huge = string.Concat(Enumerable.Repeat("{\"datePublished\":\"2020-01-18\",", 50_000));
        var m = Read($"<meta property=\"og:title\" content=\"&lt;b&gt;Bold&lt;/b&gt; claim\">{LdScript(huge)}");

        Assert.Equal("<b>Bold</b> claim", m.Title);
    }
}
