using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Cluster.Corpus;
using ClassifyPipeline.Cluster.Hosting;
using ClassifyPipeline.Cluster.Model;
using ClassifyPipeline.Pipeline;
using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Cli.Commands;

/// <summary>What <c>classify run --cluster</c> adds to a run: the connection (and, for <c>local:N</c>, the silos) and the cluster's corpus state.</summary>
internal static class ClusterRun
{
    public static async Task<ClusterConnection> Connect(CliContext context, ClusterConnectionOptions options, string? corpus, CancellationToken cancellationToken)
    {
        if (corpus is not null && !GrainKeys.IsValidCorpus(corpus))
            throw new CliError(ExitCodes.Usage, $"--state '{corpus}': with --cluster, --state names the corpus in the cluster: 1 to 100 letters, digits, '-', '_' or '.'");
        if (corpus is not null && options.Address.Kind == ClusterKind.Local)
            throw new CliError(ExitCodes.Usage, $"--state with --cluster {options.Address}: a local cluster keeps its state in memory for this run only; keep a state with --cluster redis=HOST:PORT, or without --cluster in a folder");
        try
        {
            if (options.Address.Kind == ClusterKind.Local)
                context.Error.WriteLine($"starting {options.Address.LocalSilos} local silos");
            return await ClusterConnection.StartAsync(options, ClusterCli.Logging(context), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not CliError)
        {
            throw new CliError(ExitCodes.State, $"cannot reach the cluster at {options.Address}: {e.Message}");
        }
    }

    public static ClusterCorpusState State(ClusterConnection connection, string? corpus, int parts, PipelineOptions options, ILogger logger)
    {
        try
        {
            return new ClusterCorpusState(connection.Client, new ClusterStateOptions { Corpus = corpus, PartsPerSlice = parts }, options.Dedup.WindowDays, logger, connection.Watch);
        }
        catch (ArgumentException e)
        {
            throw new CliError(ExitCodes.Usage, e.Message);
        }
    }
}
