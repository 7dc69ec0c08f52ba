using System.Net;
using ClassifyPipeline.Cluster.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace ClassifyPipeline.Cluster.Hosting;

/// <summary>
/// Builds a silo of the pipeline's cluster: the corpus grains, their storage (Redis for a Redis cluster; memory for
/// a local one), membership (Redis, or the first local silo), endpoints on the bind address only, and TLS when a
/// certificate is given.
/// </summary>
public static class SiloHost
{
    public const string ServiceId = "classify";

    /// <param name="primarySiloPort">For a local cluster: the silo-to-silo port of its first silo, where the others meet it.</param>
    public static IHost Build(ClusterConnectionOptions options, int primarySiloPort = 0, Action<ILoggingBuilder>? logging = null)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        var certificate = options.TlsCertificate is null ? null : ClusterTls.Load(options.TlsCertificate, options.TlsPassword);
        var siloPort = options.SiloPort == 0 ? EndpointOptions.DEFAULT_SILO_PORT : options.SiloPort;
        var gatewayPort = options.GatewayPort == 0 ? EndpointOptions.DEFAULT_GATEWAY_PORT : options.GatewayPort;
        return new HostBuilder()
            .ConfigureLogging(l =>
            {
                l.ClearProviders();
                l.SetMinimumLevel(LogLevel.Warning);
                logging?.Invoke(l);
            })
            .UseOrleans(silo =>
            {
                if (options.Address.Kind == ClusterKind.Local)
                {
                    silo.UseLocalhostClustering(siloPort, gatewayPort,
                        primarySiloPort == 0 ? null : new IPEndPoint(IPAddress.Loopback, primarySiloPort), ServiceId, options.ClusterId);
                    silo.AddMemoryGrainStorage(CorpusStorage.Name);
                }
                else
                {
                    silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, ServiceId));
                    silo.UseRedisClustering(o => o.ConfigurationOptions = Redis(options));
                    silo.AddRedisGrainStorage(CorpusStorage.Name, b => b.Configure<Serializer>((o, serializer) =>
                    {
                        o.ConfigurationOptions = Redis(options);
                        o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
                    }));
                }
                silo.Configure<EndpointOptions>(o =>
                {
                    o.AdvertisedIPAddress = options.BindAddress;
                    o.SiloPort = siloPort;
                    o.GatewayPort = gatewayPort;
                    o.SiloListeningEndpoint = new IPEndPoint(options.BindAddress, siloPort);
                    o.GatewayListeningEndpoint = new IPEndPoint(options.BindAddress, gatewayPort);
                });
                silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = options.CallTimeout);
                // a probe chunk is seconds of arithmetic in one grain turn, by design: not worth a warning each time
                silo.Configure<SchedulingOptions>(o => o.TurnWarningLengthThreshold = TimeSpan.FromSeconds(30));
                if (certificate is not null)
                    silo.UseTls(certificate, o => ClusterTls.Configure(o, certificate));
            })
            .Build();
    }

    /// <summary>The Redis connection of a Redis cluster (membership and storage), with its password when given.</summary>
    public static ConfigurationOptions Redis(ClusterConnectionOptions options)
    {
        var redis = new ConfigurationOptions { AbortOnConnectFail = false, ConnectTimeout = 5000 };
        redis.EndPoints.Add(options.Address.Host!, options.Address.Port);
        if (options.RedisPassword is not null)
            redis.Password = options.RedisPassword;
        return redis;
    }
}
