namespace ClassifyPipeline.Cli.Configuration;

/// <summary>pipeline.json could not be used: every problem found, each naming its key.</summary>
public sealed class ConfigurationException(string origin, IReadOnlyList<string> errors)
    : Exception($"configuration error in {origin}:\n  - " + string.Join("\n  - ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
