using ClassifyPipeline.Tools;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Tests.Support;

/// <summary>Runs the developer tools' command line (tools/ClassifyPipeline.Tools) in-process, capturing stdout and stderr.</summary>
public static class ToolsCli
{
    public static async Task<CliOutcome> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ToolsApp.InvokeAsync(args, output, error, NullLoggerFactory.Instance);
        return new CliOutcome(code, output.ToString(), error.ToString());
    }
}
