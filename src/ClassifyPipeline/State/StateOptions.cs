using System.ComponentModel.DataAnnotations;

namespace ClassifyPipeline.State;

/// <summary>The <c>state</c> section of pipeline.json: how <c>classify run --state DIR</c> uses the persistent state.</summary>
public sealed class StateOptions
{
    /// <summary>
    /// How far back, in days, a batch is compared with earlier batches: state articles whose time (published,
    /// else first seen) is at most this long before the batch's earliest article take part in the run.
    /// </summary>
    [Range(0.0, 36500.0)]
    public double WindowDays { get; set; } = 7;

    /// <summary>How long, in seconds, a run waits for another run on the same state to finish before failing.</summary>
    [Range(1, 86400)]
    public int LockTimeoutSeconds { get; set; } = 60;
}
