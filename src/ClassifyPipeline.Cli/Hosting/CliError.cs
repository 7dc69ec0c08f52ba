namespace ClassifyPipeline.Cli.Hosting;

/// <summary>An error a user can act on: one clear message and the exit code that goes with it. Not for bugs.</summary>
public sealed class CliError(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
