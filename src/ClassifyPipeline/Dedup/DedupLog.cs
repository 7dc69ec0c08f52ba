using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Dedup;

/// <summary>The story stage's log messages (event ids 550–599, as the state's were).</summary>
internal static partial class DedupLog
{
    [LoggerMessage(EventId = 550, Level = LogLevel.Information, Message = "Corpus: {Stored} documents stored, {InWindow} earlier ones in this batch's {WindowDays}-day window; this batch: {New} new, {Changed} changed, {Unchanged} already stored")]
    public static partial void Loaded(ILogger logger, long stored, int inWindow, double windowDays, int @new, int changed, int unchanged);

    [LoggerMessage(EventId = 551, Level = LogLevel.Information, Message = "Corpus: {Stories} stories hold this batch's articles; {Created} stories created, {Moved} earlier articles moved, {Aliased} stories merged into older ones, {Edges} edges added")]
    public static partial void Stored(ILogger logger, int stories, int created, int moved, int aliased, int edges);

    [LoggerMessage(EventId = 552, Level = LogLevel.Warning, Message = "Article {Id} is already in the state with other text; the new text replaces it")]
    public static partial void Replaced(ILogger logger, string id);

    [LoggerMessage(EventId = 553, Level = LogLevel.Information, Message = "Story {Alias} merged into the older story {Target}; {Alias} is kept as an alias")]
    public static partial void Aliased(ILogger logger, string alias, string target);

    [LoggerMessage(EventId = 554, Level = LogLevel.Information, Message = "IDF: a new epoch fitted on {Documents} documents ({Reason})")]
    public static partial void EpochFitted(ILogger logger, long documents, string reason);

    [LoggerMessage(EventId = 555, Level = LogLevel.Information, Message = "IDF: the epoch fitted on {EpochDocuments} documents is kept ({Added} added since, a new fit after {Limit})")]
    public static partial void EpochKept(ILogger logger, long epochDocuments, long added, double limit);
}
