using ClassifyPipeline.IO;

namespace ClassifyPipeline.Tests.IO;

public class ProgressTextTests
{
    [Fact]
    public void Remaining_QuarterDoneInTenSeconds_ThirtySecondsLeft() =>
        Assert.Equal(TimeSpan.FromSeconds(30), ProgressText.Remaining(250, 1000, TimeSpan.FromSeconds(10)));

    [Fact]
    public void Remaining_FractionalSeconds_RoundsUp() =>
        Assert.Equal(TimeSpan.FromSeconds(4), ProgressText.Remaining(3, 4, TimeSpan.FromSeconds(10)));

    [Theory]
    [InlineData(0L, 100L, 5.0)] // nothing done: no rate yet
    [InlineData(10L, null, 5.0)] // no total
    [InlineData(10L, 100L, 0.0)] // no time measured
    [InlineData(10L, 0L, 5.0)] // an empty total
    public void Remaining_UnknowableCases_Null(long done, long? total, double seconds) =>
        Assert.Null(ProgressText.Remaining(done, total, TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Remaining_AllDone_Zero() =>
        Assert.Equal(TimeSpan.Zero, ProgressText.Remaining(120, 100, TimeSpan.FromSeconds(5)));

    [Fact]
    public void Format_WithTotal_ShowsShareElapsedAndTimeLeft() =>
        Assert.Equal("[join] 12,000/100,000 (12%), 4 s, about 30 s left",
            ProgressText.Format(new RunProgress("join", 12_000, 100_000), TimeSpan.FromSeconds(4)));

    [Fact]
    public void Format_WithoutTotal_ShowsCountAndElapsedOnly() =>
        Assert.Equal("[analyze] 8,192, 2 s", ProgressText.Format(new RunProgress("analyze", 8192, null), TimeSpan.FromSeconds(2)));

    [Fact]
    public void Format_Finished_NoTimeLeft() =>
        Assert.Equal("[cluster] 7/7 (100%), 1 min 05 s", ProgressText.Format(new RunProgress("cluster", 7, 7), TimeSpan.FromSeconds(65)));

    [Theory]
    [InlineData(0.4, "0 s")]
    [InlineData(59, "59 s")]
    [InlineData(61, "1 min 01 s")]
    [InlineData(7620, "2 h 07 min")]
    [InlineData(-3, "0 s")]
    public void Duration_Spans_ShortText(double seconds, string expected) =>
        Assert.Equal(expected, ProgressText.Duration(TimeSpan.FromSeconds(seconds)));
}
