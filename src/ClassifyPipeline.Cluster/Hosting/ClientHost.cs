using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace ClassifyPipeline.Cluster.Hosting;

/// <summary>Builds the client a run coordinates its batch from: it finds the silos' gateways in Redis, or at the given local ports.</summary>
public static class ClientHost
{
    /// <param name="localGateways">For a local cluster: its silos' gateway ports.</param>
    /// <param name="watch">Told when a gateway (a silo) drops.</param>
    public static IHost Build(ClusterConnectionOptions options, ClusterWatch watch, IReadOnlyList<int>? localGateways = null, Action<ILoggingBuilder>? logging = null)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        var certificate = options.TlsCertificate is null ? null : ClusterTls.Load(options.TlsCertificate, options.TlsPassword);
        return new HostBuilder()
            .ConfigureLogging(l =>
            {
                l.ClearProviders();
                l.SetMinimumLevel(LogLevel.Warning);
                logging?.Invoke(l);
            })
            .UseOrleansClient(client =>
            {
                if (options.Address.Kind == ClusterKind.Local)
                {
                    var gateways = localGateways ?? throw new ArgumentException("a local cluster's client needs its gateway ports", nameof(localGateways));
                    client.UseStaticClustering(gateways.Select(p => new IPEndPoint(IPAddress.Loopback, p)).ToArray());
                }
                else
                {
                    client.UseRedisClustering(o => o.ConfigurationOptions = SiloHost.Redis(options));
                }
                client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, SiloHost.ServiceId));
                client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.CallTimeout);
                client.AddGatewayCountChangedHandler((_, e) => watch.GatewaysChanged(e.PreviousNumberOfConnectedGateways, e.NumberOfConnectedGateways));
                client.AddClusterConnectionLostHandler((_, _) => watch.GatewaysChanged(1, 0));
                if (certificate is not null)
                    client.UseTls(certificate, o => ClusterTls.Configure(o, certificate));
            })
            .Build();
    }
}
