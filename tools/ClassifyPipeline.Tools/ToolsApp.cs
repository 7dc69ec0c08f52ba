using System.CommandLine;
using ClassifyPipeline.Cli;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Tools.Commands;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Tools;

/// <summary>The developer tools' command line (<c>generate</c>, <c>scale</c>), runnable in-process like <see cref="CliApp"/>.</summary>
public static class ToolsApp
{
    public const string Name = "ClassifyPipeline.Tools";

    public static RootCommand Build(CliContext context) =>
        new("ClassifyPipeline developer tools: generated corpora and the end-to-end throughput harness (not part of classify)")
        {
            GenerateCommand.Create(context),
            ScaleCommand.Create(context),
        };

    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(output, error, loggerFactory ?? NullLoggerFactory.Instance, TimeProvider.System);
        var parse = Build(context).Parse(args);
        if (UnknownOptions.Find(parse, Name) is { Count: > 0 } unknown)
        {
            foreach (var message in unknown)
                error.WriteLine(message);
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
