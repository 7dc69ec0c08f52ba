using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Classification.Topic;

/// <summary>Log messages of the topic stage (event ids 300-399).</summary>
public static partial class TopicLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Training the default topic model from {TrainingData} (first use, or the data or settings changed)")]
    public static partial void TrainingDefault(ILogger logger, string trainingData);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Topic model trained in {ElapsedMs} ms and cached at {Path}")]
    public static partial void TrainedDefault(ILogger logger, long elapsedMs, string path);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Using the cached topic model {Path}")]
    public static partial void UsingCached(ILogger logger, string path);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Topic training data not found at {TrainingData} (run from the repository root, or set topic.trainingData or topic.model): topics are left null")]
    public static partial void TrainingDataMissing(ILogger logger, string trainingData);

    [LoggerMessage(EventId = 304, Level = LogLevel.Information, Message = "Using the topic model {Path} ({Labels} labels)")]
    public static partial void UsingModel(ILogger logger, string path, int labels);

    [LoggerMessage(EventId = 305, Level = LogLevel.Warning, Message = "The topic model {Path} was trained on text cleaned with other clean settings than this run's: its scores may be less reliable (retrain it with this configuration)")]
    public static partial void CleanDiffers(ILogger logger, string path);

    [LoggerMessage(EventId = 310, Level = LogLevel.Information, Message = "Topic training: {Step}")]
    public static partial void TrainingStep(ILogger logger, string step);
}
