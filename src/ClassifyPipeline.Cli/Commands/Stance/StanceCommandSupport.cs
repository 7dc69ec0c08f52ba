using System.CommandLine;
using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Cli.Hosting;
using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Cli.Commands.Stance;

/// <summary>What the stance commands share: their options, reading FNC-1 files and models with errors mapped to exit codes.</summary>
internal static class StanceCommandSupport
{
    public static Option<string> Stances() => new("--stances") { Description = "FNC-1 stances CSV (Headline,Body ID[,Stance])", Required = true };

    public static Option<string> Bodies() => new("--bodies") { Description = "FNC-1 bodies CSV (Body ID,articleBody)", Required = true };

    public static Option<string?> Config() => new("--config") { Description = $"Configuration file for the training settings (the stance section; default: ./{RunCommand.DefaultConfigFile} when present)" };

    public static Fnc1Dataset Read(string stances, string bodies, bool requireStances)
    {
        try
        {
            return Fnc1Reader.Read(stances, bodies, requireStances);
        }
        catch (Fnc1FormatException e)
        {
            throw new CliError(ExitCodes.Input, e.Message);
        }
    }

    public static IReadOnlySet<int> ReadIds(string path)
    {
        try
        {
            return Fnc1Reader.ReadIds(path);
        }
        catch (Fnc1FormatException e)
        {
            throw new CliError(ExitCodes.Input, e.Message);
        }
    }

    public static StanceModel LoadModel(string path)
    {
        if (!File.Exists(path))
            throw new CliError(ExitCodes.Model, $"model file not found: '{path}'");
        try
        {
            return StanceModel.Load(path);
        }
        catch (InvalidDataException e)
        {
            throw new CliError(ExitCodes.Model, $"'{path}': {e.Message}");
        }
    }

    /// <summary>The default stance model for <c>classify run</c>: cached, or trained now from the training folder; null when disabled or when there is no training data.</summary>
    public static StanceModel? DefaultModel(CliContext context, StanceOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            StanceLog.Disabled(logger);
            return null;
        }
        if (DefaultStanceModel.TrainingFiles(options) is not { } files)
        {
            StanceLog.NoTrainingData(logger, Path.GetFullPath(options.TrainingDirectory));
            return null;
        }
        try
        {
            var start = context.Time.GetTimestamp();
            var model = DefaultStanceModel.GetOrTrain(options, files, out var trained, cancellationToken,
                () => StanceLog.Training(logger, Path.GetFullPath(options.TrainingDirectory)));
            if (trained)
                StanceLog.Trained(logger, (long)context.Time.GetElapsedTime(start).TotalMilliseconds, Path.GetFullPath(options.ModelDirectory));
            else
                StanceLog.LoadedCached(logger, Path.GetFullPath(options.ModelDirectory));
            return model;
        }
        catch (Fnc1FormatException e)
        {
            throw new CliError(ExitCodes.Input, "stance training data: " + e.Message);
        }
        catch (ArgumentException e)
        {
            throw new CliError(ExitCodes.Input, $"stance training data in {options.TrainingDirectory}: {e.Message}");
        }
    }

    public static StanceOptions Options(string? config) => RunCommand.LoadOptions(config).Stance;

    /// <summary>The pairs whose body is in <paramref name="ids"/>; an error when none are.</summary>
    public static Fnc1Dataset Subset(Fnc1Dataset data, IReadOnlySet<int> ids, string idsPath)
    {
        var subset = data.Where(ids);
        if (subset.Pairs.Count == 0)
            throw new CliError(ExitCodes.Input, $"{idsPath}: none of its body ids occurs in the stances file");
        return subset;
    }

    public static IReadOnlyList<int> Gold(Fnc1Dataset data, string stancesPath)
    {
        if (!data.HasStances)
            throw new CliError(ExitCodes.Input, $"{stancesPath}: has no Stance column; gold stances are needed here");
        return data.Pairs.Select(p => p.Stance!.Value).ToList();
    }
}
