using ClassifyPipeline.IO;
using ClassifyPipeline.Pipeline;

namespace ClassifyPipeline.Cli.Hosting;

/// <summary>
/// Shows progress on stderr (<see cref="ProgressText"/>: done of total, time so far, time left): a line when a stage
/// starts, at most one a second while it runs, and one when it reaches its total.
/// </summary>
public sealed class StderrProgress(TextWriter error, TimeProvider time) : IProgress<RunProgress>
{
    private readonly Lock _gate = new();
    private string? _stage;
    private long _started;
    private long _lastWrite;
    private bool _finished;

    public void Report(RunProgress value)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (value.Stage != _stage)
            {
                _stage = value.Stage;
                _started = now;
                _finished = false;
            }
            else
            {
                var finishing = value.Total is { } t && value.Done >= t && !_finished;
                if (!finishing && time.GetElapsedTime(_lastWrite, now) < TimeSpan.FromSeconds(1))
                    return;
            }
            _lastWrite = now;
            _finished |= value.Total is { } total && value.Done >= total;
            error.WriteLine(ProgressText.Format(value, time.GetElapsedTime(_started, now)));
        }
    }
}
