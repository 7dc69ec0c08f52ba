namespace ClassifyPipeline.Cluster.Hosting;

/// <summary>
/// Tells a running batch that a silo left the cluster: the client keeps a connection to every silo's gateway, and
/// when one drops, <see cref="Lost"/> (as it was when the batch began) is cancelled, so the batch fails at once with
/// a clear error instead of waiting for the calls that silo will never answer to time out. A batch that begins
/// after the loss gets a fresh token: the survivors (and grains reactivated on them) serve it.
/// </summary>
public sealed class ClusterWatch
{
    private CancellationTokenSource _lost = new();

    /// <summary>Cancelled when a silo is lost from now on.</summary>
    public CancellationToken Lost => Volatile.Read(ref _lost).Token;

    /// <summary>What was lost last (for the error message).</summary>
    public string? LastLoss { get; private set; }

    internal void GatewaysChanged(int previous, int now)
    {
        if (now >= previous)
            return;
        LastLoss = now == 0 ? "the connection to the cluster was lost" : $"a silo left the cluster ({previous} gateways, now {now})";
        Interlocked.Exchange(ref _lost, new CancellationTokenSource()).Cancel();
    }
}
