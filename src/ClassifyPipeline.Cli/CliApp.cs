using System.CommandLine;
using ClassifyPipeline.Cli.Commands;
using ClassifyPipeline.Cli.Commands.Stance;
using ClassifyPipeline.Cli.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ClassifyPipeline.Cli;

/// <summary>The <c>classify</c> command line, runnable in-process (tests pass their own writers).</summary>
public static class CliApp
{
    public static RootCommand Build(CliContext context) =>
        new("classify: news classification and near-duplicate detection")
        {
            RunCommand.Create(context),
            ExtractCommand.Create(context),
            SiloCommand.Create(context),
            TrainCommand.Create(context),
            PredictCommand.Create(context),
            EvalCommand.Create(context),
            ReportCommand.Create(context),
        };

    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        var ownsFactory = loggerFactory is null;
        loggerFactory ??= CreateConsoleLogging(args.Contains("--verbose") ? LogLevel.Debug : LogLevel.Information);
        try
        {
            var context = new CliContext(output, error, loggerFactory, TimeProvider.System);
            var root = Build(context);
            root.Add(new Option<bool>("--verbose") { Description = "Log debug detail to stderr", Recursive = true });
            var parse = root.Parse(args);
            if (UnknownOptions.Find(parse) is { Count: > 0 } unknown)
            {
                foreach (var message in unknown)
                    error.WriteLine(message);
                return ExitCodes.Usage;
            }
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        }
        finally
        {
            if (ownsFactory)
                loggerFactory.Dispose();
        }
    }

    /// <summary>Console logging on stderr only, one line per message, so stdout stays machine-readable.</summary>
    public static ILoggerFactory CreateConsoleLogging(LogLevel level) =>
        LoggerFactory.Create(builder => builder
            .SetMinimumLevel(level)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            }));
}
