using ClassifyPipeline.IO;
using ClassifyPipeline.Pipeline;

namespace ClassifyPipeline.Cli.Hosting;

/// <summary>Shows progress on stderr: a line when a stage starts and at most one a second while it runs.</summary>
public sealed class StderrProgress(TextWriter error, TimeProvider time) : IProgress<RunProgress>
{
    private readonly Lock _gate = new();
    private string? _stage;
    private long _lastWrite;

    public void Report(RunProgress value)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (value.Stage == _stage && time.GetElapsedTime(_lastWrite, now) < TimeSpan.FromSeconds(1))
                return;
            _stage = value.Stage;
            _lastWrite = now;
            var total = value.Total is { } t ? $"/{t:N0}" : "";
            error.WriteLine($"[{value.Stage}] {value.Done:N0}{total}");
        }
    }
}
