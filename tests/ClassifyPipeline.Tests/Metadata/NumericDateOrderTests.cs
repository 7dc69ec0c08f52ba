using ClassifyPipeline.Metadata;

namespace ClassifyPipeline.Tests.Metadata;

public sealed class NumericDateOrderTests
{
    private static DateMatch Ambiguous(string text) => Assert.Single(DateFinder.FindAll(text), m => m.Ambiguous);

    private static string Resolve(string text, string? lang = null, string? url = null, string? dateText = null)
    {
        var day = NumericDateOrder.Resolve(Ambiguous(dateText ?? text), new NumericDateOrder.Evidence(text, lang, url), out var reason);
        return $"{day:yyyy-MM-dd} ({reason})";
    }

    [Fact]
    public void Resolve_WeekdayBesideTheDate_PicksTheReadingOnThatDay() =>
        // 2013-03-04 is a Monday, 2013-04-03 a Wednesday
        Assert.Equal("2013-04-03 (weekday beside the date)", Resolve("Wednesday, 03/04/2013"));

    [Fact]
    public void Resolve_WeekdayNamedInTheText_PicksTheReadingOnThatDay() =>
        Assert.Equal("2013-04-03 (weekday named in the text)", Resolve("Published on 03/04/2013\nThe minister said on Wednesday that talks would resume."));

    [Fact]
    public void Resolve_SeedTwo_BothReadingsAreThursdays_FallsToTheDefault()
    {
        // the seed says "on Thursday", but 2013-05-09 and 2013-09-05 were both Thursdays: the weekday settles nothing
        var text = "Published on 05/09/2013\nUS Secretary of State John Kerry on Thursday phoned his Russian counterpart.";
        Assert.Equal("2013-05-09 (default: month first)", Resolve(text));
    }

    [Fact]
    public void Resolve_AnotherNumericDateReadsOneWayOnly_ShowsTheOrder() =>
        Assert.Equal("2013-09-05 (another numeric date in the text)", Resolve("Published on 05/09/2013\nUpdated 25/09/2013"));

    [Fact]
    public void Resolve_SameDayWrittenOut_PicksThatReading() =>
        Assert.Equal("2013-09-05 (the same day written out in the text)", Resolve("Published on 05/09/2013\nThe summit of 5 September 2013 opened in St Petersburg."));

    [Theory]
    [InlineData("en-GB", null, "2013-09-05")]
    [InlineData("de", null, "2013-09-05")]
    [InlineData("en-US", null, "2013-05-09")]
    [InlineData(null, "https://www.example.co.uk/news/1", "2013-09-05")]
    [InlineData(null, "https://www.example.us/news/1", "2013-05-09")]
    public void Resolve_OutletCountry_DecidesWhenTheTextDoesNot(string? lang, string? url, string expected) =>
        Assert.Equal(expected + " (the outlet's country)", Resolve("Published on 05/09/2013", lang, url));

    [Fact]
    public void Resolve_NothingKnown_MonthFirst() =>
        Assert.Equal("2013-05-09 (default: month first)", Resolve("Published on 05/09/2013", null, "https://example.com/a"));
}
