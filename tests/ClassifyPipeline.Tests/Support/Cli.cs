using ClassifyPipeline.Cli;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Tests.Support;

/// <summary>Runs the real <c>classify</c> command line in-process, capturing stdout and stderr.</summary>
public static class Cli
{
    public static async Task<CliOutcome> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.InvokeAsync(args, output, error, NullLoggerFactory.Instance);
        return new CliOutcome(code, output.ToString(), error.ToString());
    }
}

public sealed record CliOutcome(int ExitCode, string Output, string Error);
