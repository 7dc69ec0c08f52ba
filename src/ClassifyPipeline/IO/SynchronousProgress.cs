namespace ClassifyPipeline.IO;

/// <summary>
/// Reports on the caller's thread, one report at a time (<see cref="Progress{T}"/> posts to the thread pool, which
/// would reorder reports and deliver some after the work has finished).
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
            report(value);
    }
}
