using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.IO;

namespace ClassifyPipeline.Tests.Cli;

public class StderrProgressTests
{
    [Fact]
    public void Report_WithinASecond_WritesStartAndFinishOnly()
    {
        var clock = new ManualClock();
        var error = new StringWriter();
        var progress = new StderrProgress(error, clock);

        progress.Report(new RunProgress("join", 0, 100));
        clock.Advance(TimeSpan.FromMilliseconds(300));
        progress.Report(new RunProgress("join", 50, 100));
        clock.Advance(TimeSpan.FromMilliseconds(300));
        progress.Report(new RunProgress("join", 100, 100));
        progress.Report(new RunProgress("join", 100, 100));

        Assert.Equal(["[join] 0/100 (0%), 0 s", "[join] 100/100 (100%), 1 s"], Lines(error));
    }

    [Fact]
    public void Report_LaterInStage_TimeLeftFromStageStart()
    {
        var clock = new ManualClock();
        var error = new StringWriter();
        var progress = new StderrProgress(error, clock);

        progress.Report(new RunProgress("analyze", 10, null));
        clock.Advance(TimeSpan.FromSeconds(30));
        progress.Report(new RunProgress("cluster", 0, 40)); // a new stage starts its own clock
        clock.Advance(TimeSpan.FromSeconds(10));
        progress.Report(new RunProgress("cluster", 10, 40));

        Assert.Equal(["[analyze] 10, 0 s", "[cluster] 0/40 (0%), 0 s", "[cluster] 10/40 (25%), 10 s, about 30 s left"], Lines(error));
    }

    private static string[] Lines(StringWriter writer) => writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan span) => _ticks += span.Ticks;
    }
}
