using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Cli.Hosting;

/// <summary>What every command is given: where results and messages go, logging, and the clock.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, ILoggerFactory loggerFactory, TimeProvider time)
{
    /// <summary>stdout: results only, machine-readable.</summary>
    public TextWriter Output { get; } = output;

    /// <summary>stderr: progress and messages for people.</summary>
    public TextWriter Error { get; } = error;

    public ILoggerFactory LoggerFactory { get; } = loggerFactory;

    public TimeProvider Time { get; } = time;
}
