using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Classification.Stance;

/// <summary>Stance log messages (event ids 400–499).</summary>
public static partial class StanceLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Stance: {Pairs} pairs ({LeadPairs} toward story leads, {ClaimPairs} toward {Claims} claims) in {ElapsedMs} ms")]
    public static partial void Predicted(ILogger logger, int pairs, int leadPairs, int claimPairs, int claims, long elapsedMs);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "No stance training data in {Directory} (train_stances.csv, train_bodies.csv): stances are left null")]
    public static partial void NoTrainingData(ILogger logger, string directory);

    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "Trained the default stance model in {ElapsedMs} ms, cached in {Directory}")]
    public static partial void Trained(ILogger logger, long elapsedMs, string directory);

    [LoggerMessage(EventId = 403, Level = LogLevel.Debug, Message = "Loaded the cached default stance model from {Directory}")]
    public static partial void LoadedCached(ILogger logger, string directory);

    [LoggerMessage(EventId = 405, Level = LogLevel.Information, Message = "Training the default stance model from {Directory} (first use, or the data or settings changed; takes a minute or two)")]
    public static partial void Training(ILogger logger, string directory);

    [LoggerMessage(EventId = 404, Level = LogLevel.Information, Message = "Stance disabled in the configuration: stances are left null")]
    public static partial void Disabled(ILogger logger);
}
