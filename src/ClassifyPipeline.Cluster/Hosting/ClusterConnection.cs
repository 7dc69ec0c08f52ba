using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Cluster.Hosting;

/// <summary>
/// A run's way into its cluster: a connected client, and for <c>local:N</c> the N silos it started in this process
/// (loopback, real TCP, free ports). Disposing stops what it started.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly List<IHost> _silos;
    private readonly IHost _client;

    private ClusterConnection(List<IHost> silos, IHost client, ClusterWatch watch, IReadOnlyList<int> gateways)
    {
        _silos = silos;
        _client = client;
        Watch = watch;
        Gateways = gateways;
    }

    /// <summary>The gateway ports of the silos this process runs (a local cluster's), on loopback.</summary>
    public IReadOnlyList<int> Gateways { get; }

    public IClusterClient Client => _client.Services.GetRequiredService<IClusterClient>();

    /// <summary>Tells a running batch that a silo left.</summary>
    public ClusterWatch Watch { get; }

    /// <summary>The silos this process runs (a local cluster's; none for a Redis cluster).</summary>
    public IReadOnlyList<IHost> Silos => _silos;

    public static async Task<ClusterConnection> StartAsync(ClusterConnectionOptions options, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        var silos = new List<IHost>();
        IHost? client = null;
        try
        {
            var gateways = new List<int>();
            if (options.Address.Kind == ClusterKind.Local)
            {
                var ports = FreePorts(2 * options.Address.LocalSilos);
                // silos that live as long as one run: their leaving (gossip to silos already gone) is no news
                var siloLogging = (Action<ILoggingBuilder>)(l =>
                {
                    logging?.Invoke(l);
                    l.AddFilter("Orleans", LogLevel.Error);
                });
                for (var i = 0; i < options.Address.LocalSilos; i++)
                {
                    silos.Add(SiloHost.Build(options with { SiloPort = ports[2 * i], GatewayPort = ports[2 * i + 1] }, ports[0], siloLogging));
                    gateways.Add(ports[2 * i + 1]);
                }
                // the first silo is where the others meet: it starts first
                await silos[0].StartAsync(cancellationToken);
                await Task.WhenAll(silos.Skip(1).Select(s => s.StartAsync(cancellationToken)));
            }
            var watch = new ClusterWatch();
            client = ClientHost.Build(options, watch, gateways, logging);
            await Connect(client, options, cancellationToken);
            return new ClusterConnection(silos, client, watch, gateways);
        }
        catch
        {
            await Stop(client, silos);
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await Stop(_client, _silos);

    /// <summary>Starts a client host, giving up after the connect timeout with a message that says what to check.</summary>
    public static async Task Connect(IHost client, ClusterConnectionOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            await client.StartAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no silo of cluster '{options.ClusterId}' at {options.Address} accepted this client within {options.ConnectTimeout.TotalSeconds:0} s: are the silos running, and is --tls the cluster's certificate (or absent when the cluster has none)?");
        }
    }

    private static async Task Stop(IHost? client, List<IHost> silos)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        if (client is not null)
        {
            await StopQuietly(client, timeout.Token);
            client.Dispose();
        }
        await Task.WhenAll(silos.AsEnumerable().Reverse().Select(s => StopQuietly(s, timeout.Token)));
        foreach (var silo in silos)
            silo.Dispose();
    }

    private static async Task StopQuietly(IHost host, CancellationToken cancellationToken)
    {
        try
        {
            await host.StopAsync(cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // stopping a host that failed to start, or that takes too long: disposing it is what is left
        }
    }

    /// <summary>Distinct free ports on loopback (taken together, then let go, so none repeats).</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            foreach (var l in listeners)
                l.Start();
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var l in listeners)
                l.Stop();
        }
    }
}
