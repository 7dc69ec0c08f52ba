using ClassifyPipeline.Metadata;

namespace ClassifyPipeline.Tests.Metadata;

public sealed class DateFinderTests
{
    private static string Only(string text, bool twoDigitYears = false)
    {
        var match = Assert.Single(DateFinder.FindAll(text, twoDigitYears, 2026));
        return match.ToPublishedTime().ToString();
    }

    [Theory]
    [InlineData("January 18, 2020", "2020-01-18")]
    [InlineData("Jan. 18, 2020", "2020-01-18")]
    [InlineData("Jan 18th, 2020", "2020-01-18")]
    [InlineData("May 07, 2013|By Sergei L. Loiko", "2013-05-07")]
    [InlineData("18 Jan 2020", "2020-01-18")]
    [InlineData("18th of January 2020", "2020-01-18")]
    [InlineData("Saturday 18 January, 2020", "2020-01-18")]
    [InlineData("2020-01-18", "2020-01-18")]
    [InlineData("2020/01/18", "2020-01-18")]
    [InlineData("18. Januar 2020", "2020-01-18")]
    [InlineData("18 de enero de 2020", "2020-01-18")]
    [InlineData("1er janvier 2020", "2020-01-01")]
    [InlineData("18 août 2020", "2020-08-18")]
    [InlineData("1. listopadu 2021", "2021-11-01")]
    [InlineData("2020年1月18日", "2020-01-18")]
    [InlineData("Published on 15.10.2016", "2016-10-15")]
    public void FindAll_DateForms_ReadTheDay(string text, string expected) => Assert.Equal(expected, Only(text));

    [Theory]
    [InlineData("2020-01-18T21:30:00-05:00", "2020-01-18T21:30:00-05:00")]
    [InlineData("2019-01-03T07:00:02.000Z", "2019-01-03T07:00:02Z")]
    [InlineData("Published 3:04 PM ET Jan. 18, 2020", "2020-01-18T15:04:00")]
    [InlineData("Jan. 18, 2020 at 9:15 p.m. EST", "2020-01-18T21:15:00-05:00")]
    [InlineData("LAUSANNE, SWITZERLAND, 15.10.2016, 03:01 Time", "2016-10-15T03:01:00")]
    [InlineData("Mon, 23 Nov 2026 10:00:00 GMT", "2026-11-23T10:00:00Z")]
    [InlineData("le 18 janvier 2020 à 10h52", "2020-01-18T10:52:00")]
    [InlineData("12:30 am, Jan 18, 2020", "2020-01-18T00:30:00")]
    public void FindAll_TimeBesideTheDate_IsKeptWithItsZone(string text, string expected) => Assert.Equal(expected, Only(text));

    [Fact]
    public void FindAll_AmbiguousNumericDate_CarriesBothReadings()
    {
        var m = Assert.Single(DateFinder.FindAll("Published on 05/09/2013"));

        Assert.True(m.Ambiguous);
        Assert.Equal(new DateOnly(2013, 5, 9), m.Date);
        Assert.Equal(new DateOnly(2013, 9, 5), m.Alternative);
    }

    [Theory]
    [InlineData("on 25/09/2013", "2013-09-25")]
    [InlineData("on 09/25/2013", "2013-09-25")]
    [InlineData("on 05/05/2013", "2013-05-05")]
    public void FindAll_NumericDateOnlyOneReadingFits_IsNotAmbiguous(string text, string expected)
    {
        var m = Assert.Single(DateFinder.FindAll(text));
        Assert.False(m.Ambiguous);
        Assert.Equal(expected, m.ToPublishedTime().ToString());
    }

    [Fact]
    public void FindAll_WeekdayBeforeTheDate_IsNoted()
    {
        var m = Assert.Single(DateFinder.FindAll("Thursday, 05/09/2013"));
        Assert.Equal(DayOfWeek.Thursday, m.Weekday);
    }

    [Theory]
    [InlineData("Front Section, Pages 5 on 02/02/14", "2014-02-02")]
    [InlineData("on 05/09/99", "1999-05-09")]
    public void FindAll_TwoDigitYears_OnlyWhenAsked(string text, string expected)
    {
        Assert.Empty(DateFinder.FindAll(text, twoDigitYears: false));
        Assert.Equal(expected, Only(text, twoDigitYears: true));
    }

    [Theory]
    [InlineData("February 30, 2020")]
    [InlineData("2020-13-01")]
    [InlineData("version 3.10.12 of the library")]
    [InlineData("mayor 5, 2013")]
    [InlineData("Omar 5 2013")]
    [InlineData("page 12 of 2013 items")]
    [InlineData("25:99 on 2020-02-31")]
    public void FindAll_NotADate_FindsNothing(string text) => Assert.Empty(DateFinder.FindAll(text));

    [Fact]
    public void FindAll_SeveralDates_InTextOrder()
    {
        var all = DateFinder.FindAll("Posted January 5, 2019. Updated 2019-02-01. Events of 12 March 2018.");

        Assert.Equal(["2019-01-05", "2019-02-01", "2018-03-12"], all.Select(m => m.ToPublishedTime().ToString()));
    }

    [Fact]
    public async Task FindAll_HugeHostileText_FinishesQuickly()
    {
        var text = string.Concat(Enumerable.Repeat("12/12/12/12/12 January January 1 1 1 2020-2020-2020 ", 8_000));
        var task = Task.Run(() => DateFinder.FindAll(text));
        Assert.Same(task, await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(20))));
    }

    [Fact]
    public void FindAll_DatesDeepInALongText_AreFoundWithTheirTimeAndWeekday()
    {
        var filler = string.Concat(Enumerable.Repeat("The council met 12 times and spent 300 pounds on chairs. ", 200));
        var text = filler + "Published 3:04 PM ET on Saturday, January 18, 2020 by the desk." + filler + "Omar 5 2013 and 2014-02-02T10:00:00Z.";

        var all = DateFinder.FindAll(text);

        Assert.Equal(["2020-01-18T15:04:00", "2014-02-02T10:00:00Z"], all.Select(m => m.ToPublishedTime().ToString()));
        Assert.Equal(DayOfWeek.Saturday, all[0].Weekday);
        Assert.Equal("3:04 PM ET on Saturday, January 18, 2020", text.Substring(all[0].Index, all[0].Length));
    }
}
