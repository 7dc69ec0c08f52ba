using System.ComponentModel.DataAnnotations;

namespace ClassifyPipeline.State;

/// <summary>The <c>state</c> section of pipeline.json: how <c>classify run --state DIR</c> uses the persistent state.</summary>
public sealed class StateOptions
{
    /// <summary>How long, in seconds, a run waits for another run on the same state to finish before failing.</summary>
    [Range(1, 86400)]
    public int LockTimeoutSeconds { get; set; } = 60;
}
