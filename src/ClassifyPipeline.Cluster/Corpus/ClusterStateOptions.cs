namespace ClassifyPipeline.Cluster.Corpus;

/// <summary>How a run uses a cluster's corpus state.</summary>
public sealed class ClusterStateOptions
{
    /// <summary>The corpus (its grains' key prefix); null: a corpus of its own for one run, forgotten after it (a run without <c>--state</c>).</summary>
    public string? Corpus { get; init; }

    /// <summary>Days per time slice, fixed when a corpus is created; 0: the dedup window (a slice is never shorter than it).</summary>
    public double SliceDays { get; init; }

    /// <summary>Grains per time slice (a document's part is a hash of its id): how far one slice's join spreads; each new article probes every part of its slices.</summary>
    public int PartsPerSlice { get; init; } = 4;

    /// <summary>Grains of the id directory and of the story index each.</summary>
    public int IndexBuckets { get; init; } = 8;

    /// <summary>How long a batch holds the corpus without renewing its lease (it renews every third of this while it runs).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Documents per call when staging a batch and per probe call: keeps messages far below Orleans's 100 MB and calls below its timeout.</summary>
    public int ChunkSize { get; init; } = 1000;

    /// <summary>Grain calls in flight at once from the coordinator.</summary>
    public int MaxConcurrentCalls { get; init; } = 32;

    /// <summary>Every problem with these options, in one list (empty when valid).</summary>
    public IReadOnlyList<string> Validate(double windowDays)
    {
        var errors = new List<string>();
        if (Corpus is not null && !Model.GrainKeys.IsValidCorpus(Corpus))
            errors.Add($"the corpus name '{Corpus}' must be 1 to 100 letters, digits, '-', '_' or '.'");
        if (SliceDays < 0 || double.IsNaN(SliceDays))
            errors.Add($"sliceDays must be 0 (the window) or more, not {SliceDays}");
        else if (SliceDays > 0 && SliceDays < windowDays)
            errors.Add($"sliceDays ({SliceDays}) must be at least the dedup window ({windowDays} days), so that a probe reaches at most the slices beside its own");
        if (PartsPerSlice is < 1 or > 4096)
            errors.Add($"partsPerSlice must be 1 to 4096, not {PartsPerSlice}");
        if (IndexBuckets is < 1 or > 4096)
            errors.Add($"indexBuckets must be 1 to 4096, not {IndexBuckets}");
        if (Lease < TimeSpan.FromSeconds(10))
            errors.Add($"the lease must be at least 10 s, not {Lease.TotalSeconds} s");
        if (ChunkSize is < 1 or > 100_000)
            errors.Add($"chunkSize must be 1 to 100000, not {ChunkSize}");
        if (MaxConcurrentCalls is < 1 or > 4096)
            errors.Add($"maxConcurrentCalls must be 1 to 4096, not {MaxConcurrentCalls}");
        return errors;
    }

    /// <summary>The layout a new corpus gets.</summary>
    public Model.CorpusLayout Layout(double windowDays)
    {
        var days = SliceDays > 0 ? SliceDays : Math.Max(windowDays, 1.0 / 24);
        return new Model.CorpusLayout(TimeSpan.FromDays(days).Ticks, PartsPerSlice, IndexBuckets);
    }
}
