using ClassifyPipeline.Articles;
using ClassifyPipeline.Metadata;

namespace ClassifyPipeline.Tests.Metadata;

public sealed class TextMetadataReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private const string Paragraph = "The two ministers met for five hours in the lakeside town and agreed to meet again within weeks, officials said.";

    private static TextMetadata Read(params string[] lines) => new TextMetadataReader(Now).Read(lines);

    [Fact]
    public void Read_PublishedOnLine_IsTheDateAndAMetadataLine()
    {
        var m = Read("Kerry pushes Syria peace talks", "Published on 05/09/2013", Paragraph);

        Assert.Equal("2013-05-09", m.Published.ToString());
        Assert.Equal([1], m.MetadataLines);
    }

    [Fact]
    public void Read_BylineWithDateAndOutlet_GivesAllThree()
    {
        var m = Read("YOU ARE HERE: LAT HomeCollections", "U.S. and Russia to seek Syria peace talks",
            "May 07, 2013|By Sergei L. Loiko and Paul Richter, Los Angeles Times", "MOSCOW — " + Paragraph);

        Assert.Equal("2013-05-07", m.Published.ToString());
        Assert.Equal("Sergei L. Loiko, Paul Richter", m.Author);
        Assert.Equal("Los Angeles Times", m.Source);
        Assert.Equal([2], m.MetadataLines);
    }

    [Fact]
    public void Read_DatelineAfterAPlace_KeepsItsTime_AndTheWireCreditIsTheSource()
    {
        var m = Read("Beat: News", "U.S. broadens Syria talks", "WORLD NEWS", "LAUSANNE, SWITZERLAND, 15.10.2016, 03:01 Time",
            "USPA NEWS - " + Paragraph);

        Assert.Equal("2016-10-15T03:01:00", m.Published.ToString());
        Assert.Equal("USPA NEWS", m.Source);
        Assert.Equal([3], m.MetadataLines);
    }

    [Fact]
    public void Read_PrintEditionLineAtTheEnd_IsTheDate()
    {
        var m = Read("Get Syria back to peace talks", "DAMASCUS, Syria - " + Paragraph, Paragraph, "Front Section, Pages 5 on 02/02/2014", "Upcoming Events");

        Assert.Equal("2014-02-02", m.Published.ToString());
        Assert.Null(m.Source); // "DAMASCUS, Syria -" is a place, not a credit
        Assert.Equal([3], m.MetadataLines);
    }

    [Theory]
    [InlineData("WASHINGTON (Reuters) - ", "Reuters")]
    [InlineData("LONDON, England (CNN) -- ", "CNN")]
    [InlineData("PARIS (AFP) — ", "AFP")]
    [InlineData("BERLIN (dpa) - ", "dpa")]
    [InlineData("MOSCOW — ", null)]
    [InlineData("DAMASCUS, Syria - ", null)]
    [InlineData("(AP) — ", "AP")]
    public void Read_CreditAtTheStartOfTheFirstParagraph_IsTheSource(string start, string? source) =>
        Assert.Equal(source, Read("Headline of the story here", start + Paragraph).Source);

    [Fact]
    public void Read_CopyrightLineAtTheEnd_NamesTheOutlet_AndStaysInTheText()
    {
        var m = Read("Headline of the story here", Paragraph, "© 2016 Thomson Reuters. All rights reserved.");

        Assert.Equal("Thomson Reuters", m.Source);
        Assert.Empty(m.MetadataLines);
    }

    [Fact]
    public void Read_UpdatedLine_IsTheModifiedDateNotThePublishedOne()
    {
        var m = Read("Headline of the story here", "Published 3:04 PM ET Jan. 18, 2020 | Updated 9:15 p.m. EST Jan. 19, 2020", Paragraph);

        Assert.Equal("2020-01-18T15:04:00", m.Published.ToString());
        Assert.Equal("2020-01-19T21:15:00-05:00", m.Modified.ToString());
    }

    [Fact]
    public void Complete_OnlyAModifiedDate_StandsInForThePublishedOne()
    {
        var m = Read("Headline of the story here", "Last updated: January 19, 2020", Paragraph);
        var article = m.Complete(new Article("x", null, null, null, "text", null));

        Assert.Null(m.Published);
        Assert.Equal("2020-01-19", article.Published.ToString());
        Assert.Equal("2020-01-19", article.Modified.ToString());
    }

    [Fact]
    public void Complete_FieldsTheInputHas_AreKept()
    {
        var m = Read("Headline", "May 07, 2013|By Sergei L. Loiko, Los Angeles Times", Paragraph);
        var given = new Article("x", "Feed Outlet", null, null, "text", PublishedTime.FromDate(new DateOnly(2020, 1, 1))) { Author = "Jane Doe" };

        var article = m.Complete(given);

        Assert.Equal("Feed Outlet", article.Source);
        Assert.Equal("Jane Doe", article.Author);
        Assert.Equal("2020-01-01", article.Published.ToString());
    }

    [Theory]
    [InlineData("Published on 05/09/2027")]   // after the run
    [InlineData("Published on 05/09/89")]     // two-digit year before 1990
    [InlineData("Published on 1970-01-01")]   // the Unix epoch, a placeholder
    public void Read_ImplausibleDate_IsNoDate(string line) =>
        Assert.Null(Read("Headline of the story here", line, Paragraph).Published);

    [Fact]
    public void Read_AmbiguousDateWithOneReadingInTheFuture_TakesTheOther()
    {
        // 12/07/2026 read month first is December 7, after the run (December 4) and its next day: July 12 it is
        Assert.Equal("2026-07-12", Read("Headline of the story here", "Published on 12/07/2026", Paragraph).Published.ToString());
    }

    [Fact]
    public void Read_DateInsideAParagraph_IsNotMetadata()
    {
        var m = Read("Storm hits the coast on January 5, 2019", "The storm of January 5, 2019 was the worst in decades, officials in the region said on Monday.");

        Assert.Null(m.Published);
        Assert.Empty(m.MetadataLines);
    }
}
