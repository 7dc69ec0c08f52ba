using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Pipeline;

/// <summary>
/// Time spent per stage, in the order the stages first ran. A stage that runs chunk by chunk, between other
/// stages, adds up; <see cref="Done"/> logs its total once it has finished.
/// </summary>
internal sealed class StageTimes(TimeProvider time, ILogger logger)
{
    private readonly List<StageTiming> _timings = [];

    public IReadOnlyList<StageTiming> Timings => _timings;

    /// <summary>Runs a stage whole and logs it.</summary>
    public T Timed<T>(string stage, Func<T> work)
    {
        var result = Add(stage, work);
        Done(stage);
        return result;
    }

    /// <summary>Runs one piece of a stage and adds its time to the stage's.</summary>
    public T Add<T>(string stage, Func<T> work)
    {
        var start = time.GetTimestamp();
        var result = work();
        Add(stage, time.GetElapsedTime(start));
        return result;
    }

    public void Add(string stage, Action work) => Add(stage, () => { work(); return true; });

    public void Add(string stage, TimeSpan elapsed)
    {
        var i = _timings.FindIndex(t => t.Stage == stage);
        if (i < 0)
            _timings.Add(new StageTiming(stage, elapsed));
        else
            _timings[i] = _timings[i] with { Elapsed = _timings[i].Elapsed + elapsed };
    }

    public TimeSpan Elapsed(string stage) => _timings.Find(t => t.Stage == stage)?.Elapsed ?? TimeSpan.Zero;

    /// <summary>Logs the time of each stage given that has run.</summary>
    public void Done(params string[] stages)
    {
        foreach (var stage in stages)
        {
            if (_timings.Exists(t => t.Stage == stage))
                PipelineLog.StageDone(logger, stage, (long)Elapsed(stage).TotalMilliseconds);
        }
    }
}
