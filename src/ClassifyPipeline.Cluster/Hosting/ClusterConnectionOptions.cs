using System.Net;

namespace ClassifyPipeline.Cluster.Hosting;

/// <summary>How a silo or a client joins its cluster: where, on which address and ports, with which certificate and Redis password.</summary>
public sealed record ClusterConnectionOptions
{
    public required ClusterAddress Address { get; init; }

    /// <summary>The address a silo listens on and announces (loopback unless given: nobody else can reach it).</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Silo-to-silo port (0: the default, 11111; a local cluster picks free ones).</summary>
    public int SiloPort { get; init; }

    /// <summary>Client gateway port (0: the default, 30000; a local cluster picks free ones).</summary>
    public int GatewayPort { get; init; }

    /// <summary>The cluster's certificate (PKCS#12 or PEM with its key): with it, silos and clients talk TLS and accept only peers that present the same certificate.</summary>
    public string? TlsCertificate { get; init; }

    /// <summary>The password of <see cref="TlsCertificate"/> (PKCS#12), if any.</summary>
    public string? TlsPassword { get; init; }

    /// <summary>The Redis password (AUTH), if the server asks for one.</summary>
    public string? RedisPassword { get; init; }

    /// <summary>Silos and clients with the same id form one cluster (several clusters can share a Redis server).</summary>
    public string ClusterId { get; init; } = "classify";

    /// <summary>How long a grain call may take before it fails (Orleans's default is 30 s; a probe chunk of a large window may take longer on a busy machine).</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a client waits for a gateway to accept it (a silo refuses a client without the cluster's certificate, and the client would otherwise keep trying).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Every problem with these options, in one list (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (SiloPort is < 0 or > 65535)
            errors.Add($"--silo-port {SiloPort} is not a port");
        if (GatewayPort is < 0 or > 65535)
            errors.Add($"--gateway-port {GatewayPort} is not a port");
        if (SiloPort != 0 && SiloPort == GatewayPort)
            errors.Add("--silo-port and --gateway-port must differ");
        if (TlsCertificate is not null && !File.Exists(TlsCertificate))
            errors.Add($"--tls: certificate file not found: '{TlsCertificate}'");
        if (ClusterId.Length == 0 || !ClusterId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            errors.Add($"--cluster-id '{ClusterId}' must be letters, digits, '-', '_' or '.'");
        if (Address.Kind == ClusterKind.Local && RedisPassword is not null)
            errors.Add("a Redis password is for --cluster redis=HOST:PORT, not a local cluster");
        if (CallTimeout <= TimeSpan.Zero || ConnectTimeout <= TimeSpan.Zero)
            errors.Add("the call and connect timeouts must be positive");
        return errors;
    }
}
