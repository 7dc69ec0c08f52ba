using System.Net;
using System.Net.NetworkInformation;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ClassifyPipeline.Cluster.Corpus;
using ClassifyPipeline.Cluster.Grains;
using ClassifyPipeline.Cluster.Hosting;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Tests.State;
using ClassifyPipeline.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Tests.Cluster;

/// <summary>
/// Nobody joins who does not belong: silos listen on loopback unless told otherwise, and with the cluster's
/// certificate they talk TLS and refuse a client that comes without it, or with another one.
/// </summary>
public sealed class ClusterSecurityTests
{
    [Fact]
    public async Task LocalCluster_WithTls_MembersWorkAndClientsWithoutTheCertificateAreRefused()
    {
        using var temp = new TempDirectory();
        var certificate = SelfSigned(temp.Path, "cluster.pfx");
        var other = SelfSigned(temp.Path, "other.pfx");
        var options = new ClusterConnectionOptions { Address = ClusterAddress.Local(2), TlsCertificate = certificate, ClusterId = "tls-" + Guid.NewGuid().ToString("N")[..8] };
        await using var cluster = await ClusterConnection.StartAsync(options);

        // the members talk: silo to silo and client to silo, over TLS
        var batch = StateTestData.WriteBatch(temp.Path, "batch", StateTestData.FncArticles(stories: 3));
        var pipeline = StateTestData.Options();
        var state = new ClusterCorpusState(cluster.Client, new ClusterStateOptions(), pipeline.Dedup.WindowDays, watch: cluster.Watch);
        var expected = new PipelineRunner(pipeline, NullLogger.Instance).Run([batch]);
        var actual = new PipelineRunner(pipeline, NullLogger.Instance, state: state, joiner: state.Joiner).Run([batch]);
        Assert.Equal(StateTestData.Outputs(expected), StateTestData.Outputs(actual));

        // every listener on loopback only
        var listeners = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners();
        Assert.All(cluster.Gateways, port => Assert.All(listeners.Where(l => l.Port == port), l => Assert.Equal(IPAddress.Loopback, l.Address)));
        Assert.All(cluster.Gateways, port => Assert.Contains(listeners, l => l.Port == port));

        // the same way in, with the cluster's certificate: accepted (so what refuses the others is the certificate)
        var member = options with { ConnectTimeout = TimeSpan.FromSeconds(30) };
        using (var host = ClientHost.Build(member, new ClusterWatch(), cluster.Gateways))
        {
            await ClusterConnection.Connect(host, member, CancellationToken.None);
            var client = (IClusterClient)host.Services.GetService(typeof(IClusterClient))!;
            Assert.Equal(ClassifyPipeline.Cluster.Model.BatchOutcome.Aborted, await client.GetGrain<ICatalogGrain>("member").Outcome(Guid.NewGuid()));
            await host.StopAsync();
        }

        // a client without the certificate, and one with another certificate: no gateway accepts them
        foreach (var tls in new[] { null, other })
        {
            var intruder = options with { TlsCertificate = tls, ConnectTimeout = TimeSpan.FromSeconds(15) };
            using var host = ClientHost.Build(intruder, new ClusterWatch(), cluster.Gateways);
            var refused = await Assert.ThrowsAsync<TimeoutException>(() => ClusterConnection.Connect(host, intruder, CancellationToken.None));
            Assert.Contains("accepted this client", refused.Message);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(stop.Token);
        }
    }

    /// <summary>A self-signed certificate with its key, for both ends of TLS (server and client authentication), as a PKCS#12 file.</summary>
    private static string SelfSigned(string folder, string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=classify-cluster-" + name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
        return path;
    }
}
