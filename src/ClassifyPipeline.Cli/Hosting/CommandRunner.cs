using ClassifyPipeline.Cli.Configuration;

namespace ClassifyPipeline.Cli.Hosting;

/// <summary>Runs a command's body and turns the failures a user can act on into one message and an exit code.</summary>
public static class CommandRunner
{
    public static async Task<int> Run(CliContext context, Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken);
        }
        catch (ConfigurationException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Configuration;
        }
        catch (CliError e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine("cancelled: stopped before writing; earlier outputs are untouched");
            return ExitCodes.Cancelled;
        }
    }
}
