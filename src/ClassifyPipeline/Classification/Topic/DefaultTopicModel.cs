using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Classification.Topic;

/// <summary>
/// Finds the topic model for <c>classify run</c>: the configured model file, else the default model trained from
/// <see cref="TopicOptions.TrainingData"/> on first use and cached in <see cref="TopicOptions.CacheFolder"/> (keyed by
/// the training data and the settings, so a change retrains), else none when the training data is not there.
/// </summary>
public static class DefaultTopicModel
{
    public const string CacheTask = "topic";

    /// <summary>
    /// The model, or null (with a warning) when no model is configured and the training data is missing. A configured
    /// model that cannot be loaded throws <see cref="InvalidDataException"/> or <see cref="FileNotFoundException"/>.
    /// <paramref name="clean"/> is how the run cleans articles: the default model is trained on text cleaned the same
    /// way, and a configured model trained with other clean settings is logged as a warning.
    /// </summary>
    public static TopicModel? Resolve(TopicOptions options, ILogger logger, IProgress<string>? progress = null, CancellationToken cancellationToken = default, Text.CleanOptions? clean = null)
    {
        clean ??= new Text.CleanOptions();
        if (options.Model is { } path)
        {
            var model = LoadFile(path);
            TopicLog.UsingModel(logger, path, model.Labels.Count);
            if (TopicTrainingOptions.CleanSettings(model.Clean) != TopicTrainingOptions.CleanSettings(clean))
                TopicLog.CleanDiffers(logger, path);
            return model;
        }
        if (!File.Exists(options.TrainingData))
        {
            TopicLog.TrainingDataMissing(logger, options.TrainingData);
            return null;
        }
        var training = options.Training(clean);
        var cache = new ModelCache(options.CacheFolder);
        var key = ModelCache.Key([options.TrainingData], training.Settings);
        var cached = cache.PathFor(CacheTask, key);
        var result = cache.GetOrTrain(CacheTask, key,
            () =>
            {
                TopicLog.TrainingDefault(logger, options.TrainingData);
                var watch = Stopwatch.StartNew();
                var data = LabeledDataReader.Read([options.TrainingData]);
                var model = new TopicEstimator(training).Fit(data, null, progress, cancellationToken);
                TopicLog.TrainedDefault(logger, watch.ElapsedMilliseconds, cached);
                return model;
            },
            (model, stream) => model.Save(stream),
            TopicModel.Load,
            out var trained);
        if (!trained)
            TopicLog.UsingCached(logger, cached);
        return result;
    }

    /// <summary>Loads a model file; a missing file throws <see cref="FileNotFoundException"/>, a bad one <see cref="InvalidDataException"/> naming the file.</summary>
    public static TopicModel LoadFile(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"topic model not found: '{path}'", path);
        using var stream = File.OpenRead(path);
        try
        {
            return TopicModel.Load(stream);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{path}': {e.Message}", e);
        }
    }
}
