using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Cluster;

/// <summary>The cluster's log messages (event ids 700–749).</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Cluster batch {Batch} on corpus '{Corpus}' ({Layout}): {Documents} documents stored, {Slices} slices")]
    public static partial void Began(ILogger logger, Guid batch, string corpus, string layout, long documents, int slices);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Cluster join: {Staged} articles staged in {StagedGrains} grains ({StageMs} ms); {Probes} probes to {Grains} grains indexed in {IndexMs} ms, probed in {ProbeMs} ms; {Pairs} pairs, {Reached} stored documents reached")]
    public static partial void Joined(ILogger logger, int staged, int stagedGrains, long stageMs, int probes, int grains, long indexMs, long probeMs, int pairs, int reached);

    [LoggerMessage(EventId = 702, Level = LogLevel.Information, Message = "Cluster commit: changes prepared in {Grains} grains in {PrepareMs} ms; committed; applied in {ApplyMs} ms")]
    public static partial void Committed(ILogger logger, int grains, long prepareMs, long applyMs);

    [LoggerMessage(EventId = 703, Level = LogLevel.Warning, Message = "Cluster commit: batch {Batch} is committed, but some grains did not hear it ({Reason}); they apply its changes when next used")]
    public static partial void ApplyDeferred(ILogger logger, Guid batch, string reason);

    [LoggerMessage(EventId = 704, Level = LogLevel.Warning, Message = "Cluster batch {Batch} ended without a commit: its prepared changes are dropped")]
    public static partial void Aborted(ILogger logger, Guid batch);

    [LoggerMessage(EventId = 705, Level = LogLevel.Warning, Message = "Cluster batch {Batch} could not tell the catalog it ended ({Reason}): the corpus stays taken until its lease runs out ({LeaseSeconds} s)")]
    public static partial void EndFailed(ILogger logger, Guid batch, double leaseSeconds, string reason);

    [LoggerMessage(EventId = 706, Level = LogLevel.Information, Message = "Cluster batch {Batch}: the catalog did not hear the batch end ({Reason}); trying again")]
    public static partial void EndRetried(ILogger logger, Guid batch, string reason);
}
