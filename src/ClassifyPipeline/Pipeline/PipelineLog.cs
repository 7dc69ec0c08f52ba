using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Pipeline;

/// <summary>The runner's log messages, source-generated, with stable event ids.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Read {Articles} articles from {Files} files ({Rejections} rejected)")]
    public static partial void Ingested(ILogger logger, int articles, int files, int rejections);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Rejected {Input} {Location}: {Reason}")]
    public static partial void Rejected(ILogger logger, string input, string? location, string reason);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Stage {Stage} done in {ElapsedMs} ms")]
    public static partial void StageDone(ILogger logger, string stage, long elapsedMs);

    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "Found {Stories} stories and {Duplicates} duplicates among {Articles} articles")]
    public static partial void Deduplicated(ILogger logger, int stories, int duplicates, int articles);

    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "No {Task} model configured: {Task} labels are left null")]
    public static partial void NoModel(ILogger logger, string task);
}
