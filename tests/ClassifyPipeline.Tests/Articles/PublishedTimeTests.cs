using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Tests.Articles;

public sealed class PublishedTimeTests
{
    [Theory]
    [InlineData("2013-05-09", "2013-05-09", TimePrecision.Date)]
    [InlineData("2016-10-15T03:01", "2016-10-15T03:01:00", TimePrecision.Local)]
    [InlineData("2016-10-15 03:01:07", "2016-10-15T03:01:07", TimePrecision.Local)]
    [InlineData("2020-01-18T21:30:00-05:00", "2020-01-18T21:30:00-05:00", TimePrecision.Offset)]
    [InlineData("2020-01-18T21:30:00.123+0530", "2020-01-18T21:30:00+05:30", TimePrecision.Offset)]
    [InlineData("2020-01-18T21:30:00Z", "2020-01-18T21:30:00Z", TimePrecision.Offset)]
    [InlineData("2020-01-18T21:30:00+00:00", "2020-01-18T21:30:00Z", TimePrecision.Offset)]
    public void TryParse_Iso8601_KeepsStatedPrecisionAndOffset(string text, string written, TimePrecision precision)
    {
        Assert.True(PublishedTime.TryParse(text, out var value));
        Assert.Equal(precision, value.Precision);
        Assert.Equal(written, value.ToString());
        Assert.True(PublishedTime.TryParse(value.ToString(), out var again));
        Assert.Equal(value, again);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2013-13-01")]
    [InlineData("2013-02-30")]
    [InlineData("2013-05-09T25:00")]
    [InlineData("05/09/2013")]
    public void TryParse_NotIso8601_IsFalse(string text) => Assert.False(PublishedTime.TryParse(text, out _));

    [Fact]
    public void Date_IsTheStatedDay_NotTheUtcDay()
    {
        Assert.True(PublishedTime.TryParse("2020-01-18T21:30:00-05:00", out var evening));
        Assert.Equal(new DateOnly(2020, 1, 18), evening.Date);
        Assert.Equal(new DateTimeOffset(2020, 1, 19, 2, 30, 0, TimeSpan.Zero), evening.Instant.ToUniversalTime());
    }

    [Fact]
    public void CompareTo_OrdersByInstant()
    {
        PublishedTime.TryParse("2020-01-18T21:30:00-05:00", out var evening);
        PublishedTime.TryParse("2020-01-19T01:00:00Z", out var night);
        PublishedTime.TryParse("2020-01-19", out var day);
        Assert.True(evening.CompareTo(night) > 0);
        Assert.True(day.CompareTo(night) < 0);
    }
}
