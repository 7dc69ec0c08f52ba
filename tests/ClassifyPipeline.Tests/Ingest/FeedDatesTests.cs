using ClassifyPipeline.Ingest;

namespace ClassifyPipeline.Tests.Ingest;

public sealed class FeedDatesTests
{
    [Theory]
    [InlineData("Mon, 23 Nov 2026 10:00:00 GMT", "2026-11-23T10:00:00Z")]
    [InlineData("23 Nov 2026 10:00 +0200", "2026-11-23T10:00:00+02:00")]
    [InlineData("Mon, 23 November 2026 10:00:00 EST", "2026-11-23T10:00:00-05:00")]
    [InlineData("Mon, 23 Nov 26 10:00:00 Z", "2026-11-23T10:00:00Z")]
    [InlineData("2026-11-23T10:00:00+01:00", "2026-11-23T10:00:00+01:00")]
    [InlineData("2026-11-23T10:00:00.123Z", "2026-11-23T10:00:00.123Z")]
    [InlineData("2026-11-23", "2026-11-23T00:00:00Z")]
    public void TryParse_FeedDate_KeepsTheStatedOffset(string text, string expected)
    {
        Assert.True(FeedDates.TryParse(text, out var value));
        var want = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(want, value);
        Assert.Equal(want.Offset, value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("31 Feb 2026 10:00:00 GMT")]
    [InlineData("Mon, 23 Nov 2026 25:00:00 GMT")]
    [InlineData("Mon, 23 Nov 2026 10:00:00 XYZ")]
    [InlineData("11/23/2026")]
    public void TryParse_NotADate_IsFalse(string text) => Assert.False(FeedDates.TryParse(text, out _));
}
