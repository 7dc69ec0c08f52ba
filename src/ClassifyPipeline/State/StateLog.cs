using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.State;

/// <summary>The persistent state's log messages (event ids 550–599).</summary>
internal static partial class StateLog
{
    [LoggerMessage(EventId = 550, Level = LogLevel.Information, Message = "State: {Stored} articles stored, {InWindow} earlier ones (not in this batch) in the {WindowDays}-day window; this batch: {New} new, {Changed} changed, {Unchanged} already stored")]
    public static partial void Loaded(ILogger logger, long stored, int inWindow, double windowDays, int @new, int changed, int unchanged);

    [LoggerMessage(EventId = 551, Level = LogLevel.Information, Message = "State: {Stories} stories hold this batch's articles; {Created} stories created, {Moved} earlier articles moved, {Aliased} stories merged into older ones")]
    public static partial void Committed(ILogger logger, int stories, int created, int moved, int aliased);

    [LoggerMessage(EventId = 552, Level = LogLevel.Warning, Message = "Article {Id} is already in the state with other text; the new text replaces it")]
    public static partial void Replaced(ILogger logger, string id);

    [LoggerMessage(EventId = 553, Level = LogLevel.Information, Message = "Story {Alias} merged into the older story {Target}; {Alias} is kept as an alias")]
    public static partial void Aliased(ILogger logger, string alias, string target);
}
