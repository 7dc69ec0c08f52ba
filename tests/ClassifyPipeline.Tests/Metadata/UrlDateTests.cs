using ClassifyPipeline.Metadata;

namespace ClassifyPipeline.Tests.Metadata;

public sealed class UrlDateTests
{
    [Theory]
    [InlineData("https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html", "2017-01-13")]
    [InlineData("https://www.theguardian.com/environment/2019/jan/03/what-is-the-sea-telling-us", "2019-01-03")]
    [InlineData("https://example.com/news/2020-01-18/harbour-reopens", "2020-01-18")]
    [InlineData("https://example.com/news/20200118/harbour-reopens", "2020-01-18")]
    [InlineData("https://example.com/harbour-reopens-2020-01-18.html", "2020-01-18")]
    [InlineData("http://headlines.yahoo.co.jp/hl?a=20170309-35097838-cnetj-sci", "2017-03-09")]
    public void Of_UrlWithAFullDate_GivesTheDay(string url, string day) =>
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), UrlDate.Of(url)!.Day);

    [Theory]
    [InlineData("https://www.citylab.com/design/2019/04/neon-signage-history/588400/", 2019, 4)]
    [InlineData("https://hacks.mozilla.org/2015/03/this-api-is-so-fetching/", 2015, 3)]
    public void Of_YearAndMonthOnly_GivesNoDay_NotTheFirstOfTheMonth(string url, int year, int month)
    {
        var date = UrlDate.Of(url)!;

        Assert.Null(date.Day);
        Assert.Equal((year, month), date.Month);
    }

    [Theory]
    [InlineData("https://example.com/article/12345678901")]
    [InlineData("https://example.com/2020/13/45/slug")]
    [InlineData("https://example.com/products/1999-99-99")]
    [InlineData("not a url")]
    [InlineData(null)]
    public void Of_NoDate_IsNull(string? url) => Assert.Null(UrlDate.Of(url)?.Day);
}
