using ClassifyPipeline.Ingest;
namespace ClassifyPipeline.Tests.Ingest;

public sealed class FeedDatesTests
{
    [Theory]
    // RFC 822 as pubDate writes it, and its deviations
    [InlineData("Mon, 23 Nov 2026 10:00:00 GMT", "2026-11-23T10:00:00Z")]
    [InlineData("23 Nov 2026 10:00 +0200", "2026-11-23T10:00:00+02:00")]
    [InlineData("Mon, 23 November 2026 10:00:00 EST", "2026-11-23T10:00:00-05:00")]
    [InlineData("MON, 23 NOV 2026 10:00:00 EDT", "2026-11-23T10:00:00-04:00")]
    [InlineData("Mon, 23 Nov 26 10:00:00 Z", "2026-11-23T10:00:00Z")]
    [InlineData("Mon,  23 Nov 2026  23:30:00   -0500", "2026-11-23T23:30:00-05:00")]
    [InlineData("Thu, 01 Jan 2004 19:48:21 +01:00", "2004-01-01T19:48:21+01:00")]
    [InlineData("Thu, 01 Jan 2004 19:48:21 CEST", "2004-01-01T19:48:21+02:00")]
    [InlineData("Thu, 01 Jan 2004 19:48:21 GMT+0100", "2004-01-01T19:48:21+01:00")]
    [InlineData("Thu, 01 Jan 2004 19:48:21", "2004-01-01T19:48:21")]
    [InlineData("Thu, 01 Jan 2004 19:48:21 XYZ", "2004-01-01T19:48:21")]
    [InlineData("Thu, 01 Jan 2004", "2004-01-01")]
    [InlineData("01-Jan-2004", "2004-01-01")]
    // ISO 8601 / W3CDTF as dc:date and Atom write it
    [InlineData("2026-11-23T10:00:00+01:00", "2026-11-23T10:00:00+01:00")]
    [InlineData("2026-11-23T10:00:00.123Z", "2026-11-23T10:00:00Z")]
    [InlineData("2026-11-23T10:00Z", "2026-11-23T10:00:00Z")]
    [InlineData("2026-11-23", "2026-11-23")]
    [InlineData("2026-11-23T10:00:00", "2026-11-23T10:00:00")]
    [InlineData("20261123T100000Z", "2026-11-23T10:00:00Z")]
    [InlineData("20261123", "2026-11-23")]
    // asctime and slashed forms
    [InlineData("Sun Jan  4 16:29:06 PST 2004", "2004-01-04T16:29:06-08:00")]
    [InlineData("Sun Jan 4 16:29:06 2004", "2004-01-04T16:29:06")]
    [InlineData("2006/09/15 08:19:53 EST", "2006-09-15T08:19:53-05:00")]
    [InlineData("2006/09/15", "2006-09-15")]
    public void TryParse_FeedDate_KeepsThePrecisionAndOffsetStated(string text, string expected)
    {
        Assert.True(FeedDates.TryParse(text, out var value));
        Assert.Equal(expected, value.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("31 Feb 2026 10:00:00 GMT")]
    [InlineData("Mon, 23 Nov 2026 25:00:00 GMT")]
    [InlineData("2006/13/15")]
    [InlineData("2003-12")]
    [InlineData("2003")]
    [InlineData("11/23/2026")]
    public void TryParse_NotADay_IsFalse(string text) => Assert.False(FeedDates.TryParse(text, out _));
}
