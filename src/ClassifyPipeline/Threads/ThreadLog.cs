using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Threads;

/// <summary>The thread step's log messages (event ids 620–639).</summary>
internal static partial class ThreadLog
{
    [LoggerMessage(EventId = 620, Level = LogLevel.Information, Message = "Threads: {Stories} stories linked into {Threads} threads ({Multi} with more than one story); {Updated} story summaries written, {Merged} threads merged into others, in {Ms} ms")]
    public static partial void Linked(ILogger logger, int stories, int threads, int multi, int updated, int merged, long ms);

    [LoggerMessage(EventId = 622, Level = LogLevel.Information, Message = "Threads: profiles {ProfilesMs} ms, join {JoinMs} ms ({Pairs} pairs), clustering {ClusterMs} ms")]
    public static partial void Split(ILogger logger, long profilesMs, long joinMs, int pairs, long clusterMs);

    [LoggerMessage(EventId = 621, Level = LogLevel.Information, Message = "Thread {Alias} merged into the thread {Target}; {Alias} is kept as an alias")]
    public static partial void Aliased(ILogger logger, string alias, string target);
}
