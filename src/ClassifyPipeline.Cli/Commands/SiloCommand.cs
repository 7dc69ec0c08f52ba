using System.CommandLine;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Cluster.Hosting;

namespace ClassifyPipeline.Cli.Commands;

/// <summary>
/// <c>classify silo --cluster redis=HOST:PORT [--address IP] [--silo-port N] [--gateway-port N] [--tls CERT]</c>:
/// runs one silo of a cluster until Ctrl+C (or SIGTERM), then leaves the cluster cleanly. One per machine.
/// </summary>
public static class SiloCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("silo", "Run an Orleans silo of a classify cluster (corpus state and joins) until stopped; start one per machine");
        var cluster = ClusterCli.ForSilo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.Run(context, _ => Execute(context, cluster.Read(parse), cancellationToken), CancellationToken.None));
        return command;
    }

    private static async Task<int> Execute(CliContext context, ClusterConnectionOptions? options, CancellationToken stop)
    {
        if (options is null)
            throw new CliError(ExitCodes.Usage, "classify silo needs --cluster redis=HOST:PORT");
        if (options.Address.Kind != ClusterKind.Redis)
            throw new CliError(ExitCodes.Usage, $"classify silo joins a Redis cluster (--cluster redis=HOST:PORT); '{options.Address}' runs its silos inside classify run");
        using var host = SiloHost.Build(options, logging: ClusterCli.Logging(context));
        try
        {
            await host.StartAsync(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new CliError(ExitCodes.State, $"the silo could not join the cluster at {options.Address}: {e.Message}");
        }
        var silo = options.SiloPort == 0 ? 11111 : options.SiloPort;
        var gateway = options.GatewayPort == 0 ? 30000 : options.GatewayPort;
        context.Output.WriteLine($"silo {options.BindAddress}:{silo} gateway {gateway} cluster {options.ClusterId} at {options.Address}{(options.TlsCertificate is null ? "" : " (TLS)")}");
        context.Output.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: the way a silo is stopped
        }
        context.Error.WriteLine("stopping the silo");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(timeout.Token);
        return ExitCodes.Ok;
    }
}
