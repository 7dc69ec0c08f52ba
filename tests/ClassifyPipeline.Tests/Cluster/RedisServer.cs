using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClassifyPipeline.Tests.Cluster;

/// <summary>
/// A <c>redis-server</c> of the test's own (Debian's package, installed by <c>.ci/run</c>): on 127.0.0.1, a free port,
/// a password, nothing saved to disk; stopped (by its process id) on dispose.
/// </summary>
public sealed class RedisServer : IDisposable
{
    public const string Missing = "redis-server is not installed (apt-get install -y redis-server; .ci/run does this)";

    private readonly Process _process;

    private RedisServer(Process process, int port, string password)
    {
        _process = process;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    public string Password { get; }

    public string Address => $"redis=127.0.0.1:{Port}";

    /// <summary>The server program, or null when it is not installed.</summary>
    public static string? Program { get; } = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);

    /// <summary>Skips the test when there is no server (fails it in CI, where <c>.ci/run</c> installs one).</summary>
    public static void SkipUnlessInstalled()
    {
        if (Program is not null)
            return;
        Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), Missing);
        Skip.If(true, Missing);
    }

    public static async Task<RedisServer> StartAsync(string folder)
    {
        var port = FreePort();
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo(Program!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--requirepass", password, "--save", "", "--appendonly", "no", "--dir", folder, "--daemonize", "no" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var server = new RedisServer(process, port, password);
        for (var waited = 0; ; waited += 100)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (waited < 20_000 && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                server.Dispose();
                throw new InvalidOperationException($"redis-server did not start on port {port}: {process.StandardError.ReadToEnd()}");
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
