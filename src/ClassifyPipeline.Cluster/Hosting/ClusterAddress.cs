using System.Globalization;

namespace ClassifyPipeline.Cluster.Hosting;

/// <summary>Which cluster to use (<c>--cluster</c>): <c>local:N</c> (N silos in this process, on loopback) or <c>redis=HOST:PORT</c> (silos that meet in Redis).</summary>
public sealed record ClusterAddress(ClusterKind Kind, int LocalSilos, string? Host, int Port)
{
    public const string Syntax = "local:N (N silos in this process) or redis=HOST:PORT";

    public static ClusterAddress Local(int silos) => new(ClusterKind.Local, silos, null, 0);

    /// <summary>Parses the address; null with <paramref name="error"/> set when it is not one.</summary>
    public static ClusterAddress? TryParse(string text, out string? error)
    {
        error = null;
        if (text.StartsWith("local:", StringComparison.Ordinal))
        {
            if (int.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 16)
                return Local(n);
            error = $"--cluster '{text}': local:N takes 1 to 16 silos";
            return null;
        }
        if (text.StartsWith("redis=", StringComparison.Ordinal))
        {
            var endpoint = text[6..];
            var colon = endpoint.LastIndexOf(':');
            if (colon > 0 && int.TryParse(endpoint.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
                return new ClusterAddress(ClusterKind.Redis, 0, endpoint[..colon], port);
            error = $"--cluster '{text}': redis=HOST:PORT takes a host and a port (1-65535)";
            return null;
        }
        error = $"--cluster '{text}' is not a cluster address: use {Syntax}";
        return null;
    }

    public override string ToString() => Kind == ClusterKind.Local
        ? string.Create(CultureInfo.InvariantCulture, $"local:{LocalSilos}")
        : string.Create(CultureInfo.InvariantCulture, $"redis={Host}:{Port}");
}

public enum ClusterKind
{
    /// <summary>Silos started in this process, meeting on loopback; state in memory.</summary>
    Local,

    /// <summary>Silos meeting in Redis (membership), state in Redis (grain storage).</summary>
    Redis,
}
