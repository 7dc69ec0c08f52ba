using ClassifyPipeline.Cluster.Hosting;

namespace ClassifyPipeline.Tests.Cluster;

/// <summary>Three silos in this process on loopback (real TCP), shared by the tests of a class: started once, stopped at the end.</summary>
public sealed class LocalClusterFixture : IAsyncLifetime
{
    public ClusterConnection Connection { get; private set; } = null!;

    public IClusterClient Client => Connection.Client;

    public async Task InitializeAsync() =>
        Connection = await ClusterConnection.StartAsync(new ClusterConnectionOptions { Address = ClusterAddress.Local(3), ClusterId = "test-" + Guid.NewGuid().ToString("N")[..8] });

    public async Task DisposeAsync() => await Connection.DisposeAsync();
}
