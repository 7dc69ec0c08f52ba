namespace ClassifyPipeline.Classification.Stance;

/// <summary>The default stance model: trained from the FNC-1 files in <see cref="StanceOptions.TrainingDirectory"/> on first use and cached by <see cref="ModelCache"/>.</summary>
public static class DefaultStanceModel
{
    public const string StancesFile = "train_stances.csv";
    public const string BodiesFile = "train_bodies.csv";

    /// <summary>The two training files, or null when either is missing.</summary>
    public static (string Stances, string Bodies)? TrainingFiles(StanceOptions options)
    {
        var stances = Path.Combine(options.TrainingDirectory, StancesFile);
        var bodies = Path.Combine(options.TrainingDirectory, BodiesFile);
        return File.Exists(stances) && File.Exists(bodies) ? (stances, bodies) : null;
    }

    /// <summary>Loads the cached model or trains it. Throws <see cref="Fnc1FormatException"/> when the training files are bad.</summary>
    public static StanceModel GetOrTrain(StanceOptions options, (string Stances, string Bodies) files, out bool trained, CancellationToken cancellationToken = default, Action? onTraining = null)
    {
        var cache = new ModelCache(options.ModelDirectory);
        var key = ModelCache.Key([files.Stances, files.Bodies], options.TrainingSettings());
        return cache.GetOrTrain(
            "stance",
            key,
            () =>
            {
                onTraining?.Invoke();
                return new StanceEstimator(options).Fit(Fnc1Reader.Read(files.Stances, files.Bodies, requireStances: true), cancellationToken);
            },
            (model, stream) => model.Save(stream),
            StanceModel.Load,
            out trained);
    }
}
