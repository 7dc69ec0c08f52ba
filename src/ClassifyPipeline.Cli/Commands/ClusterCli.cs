using System.CommandLine;
using System.Net;
using ClassifyPipeline.Cli.Hosting;
using ClassifyPipeline.Cluster.Hosting;
using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Cli.Commands;

/// <summary>
/// The options by which <c>classify silo</c> and <c>classify run --cluster</c> reach a cluster, and their checks (all
/// problems in one message). Secrets never go on the command line, where other users of the machine could read
/// them: the Redis password comes from <c>CLASSIFY_REDIS_PASSWORD</c> or a file, the certificate's from <c>CLASSIFY_TLS_PASSWORD</c>.
/// </summary>
public sealed class ClusterCli
{
    public const string RedisPasswordVariable = "CLASSIFY_REDIS_PASSWORD";
    public const string TlsPasswordVariable = "CLASSIFY_TLS_PASSWORD";

    private ClusterCli(bool silo)
    {
        Cluster = new Option<string?>("--cluster") { Description = silo ? "The cluster to join: redis=HOST:PORT" : $"Run the batch through a cluster: {ClusterAddress.Syntax}" };
        Tls = new Option<string?>("--tls") { Description = $"The cluster's certificate (.pfx/.p12, or .pem with its key; password in {TlsPasswordVariable}): talk TLS, accept only peers with this certificate" };
        ClusterId = new Option<string>("--cluster-id") { Description = "Silos and clients with the same id form one cluster", DefaultValueFactory = _ => "classify" };
        RedisPasswordFile = new Option<string?>("--redis-password-file") { Description = $"A file whose first line is the Redis password (else {RedisPasswordVariable}, if set)" };
        Address = new Option<string?>("--address") { Description = "The address this silo listens on and announces (default 127.0.0.1: reachable from this machine only)" };
        SiloPort = new Option<int>("--silo-port") { Description = "Silo-to-silo port (default 11111)" };
        GatewayPort = new Option<int>("--gateway-port") { Description = "Client gateway port (default 30000)" };
        Parts = new Option<int>("--parts") { Description = "Grains per time slice when the corpus is created (a kept corpus keeps its own): more spread one slice's join over more silos, fewer cost less per article", DefaultValueFactory = _ => 4 };
    }

    public Option<int> Parts { get; }

    public Option<string?> Cluster { get; }

    public Option<string?> Tls { get; }

    public Option<string> ClusterId { get; }

    public Option<string?> RedisPasswordFile { get; }

    public Option<string?> Address { get; }

    public Option<int> SiloPort { get; }

    public Option<int> GatewayPort { get; }

    public static ClusterCli ForSilo(Command command)
    {
        var cli = new ClusterCli(silo: true);
        foreach (var option in new Option[] { cli.Cluster, cli.Address, cli.SiloPort, cli.GatewayPort, cli.Tls, cli.ClusterId, cli.RedisPasswordFile })
            command.Add(option);
        return cli;
    }

    public static ClusterCli ForRun(Command command)
    {
        var cli = new ClusterCli(silo: false);
        foreach (var option in new Option[] { cli.Cluster, cli.Tls, cli.ClusterId, cli.RedisPasswordFile, cli.Parts })
            command.Add(option);
        return cli;
    }

    /// <summary>The connection options given, or null without <c>--cluster</c>; a <see cref="CliError"/> naming every problem.</summary>
    public ClusterConnectionOptions? Read(ParseResult parse)
    {
        if (parse.GetValue(Cluster) is not { } text)
            return null;
        var errors = new List<string>();
        var address = ClusterAddress.TryParse(text, out var addressError);
        if (addressError is not null)
            errors.Add(addressError);
        var bind = IPAddress.Loopback;
        if (parse.GetValue(Address) is { } given && !IPAddress.TryParse(given, out bind!))
        {
            errors.Add($"--address '{given}' is not an IP address");
            bind = IPAddress.Loopback;
        }
        string? password = Environment.GetEnvironmentVariable(RedisPasswordVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        if (parse.GetValue(RedisPasswordFile) is { } file)
        {
            if (File.Exists(file))
                password = File.ReadLines(file).FirstOrDefault() ?? "";
            else
                errors.Add($"--redis-password-file: file not found: '{file}'");
        }
        if (address is { Kind: ClusterKind.Local } && password is not null && parse.GetValue(RedisPasswordFile) is null)
            password = null; // the variable may be set for other runs; a local cluster has no Redis
        var options = new ClusterConnectionOptions
        {
            Address = address ?? ClusterAddress.Local(1),
            BindAddress = bind,
            SiloPort = parse.GetValue(SiloPort),
            GatewayPort = parse.GetValue(GatewayPort),
            TlsCertificate = parse.GetValue(Tls),
            TlsPassword = Environment.GetEnvironmentVariable(TlsPasswordVariable),
            RedisPassword = password,
            ClusterId = parse.GetValue(ClusterId)!,
        };
        errors.AddRange(options.Validate());
        if (errors.Count > 0)
            throw new CliError(ExitCodes.Usage, string.Join("; ", errors));
        return options;
    }

    /// <summary>Orleans's own log (warnings and worse) into the command's log on stderr.</summary>
    public static Action<ILoggingBuilder> Logging(CliContext context) => l => l.AddProvider(new ForwardingLoggerProvider(context.LoggerFactory));

    private sealed class ForwardingLoggerProvider(ILoggerFactory factory) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => factory.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}
