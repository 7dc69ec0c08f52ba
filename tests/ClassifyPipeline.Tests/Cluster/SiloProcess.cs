using System.Diagnostics;
using ClassifyPipeline.Cli.Commands;

namespace ClassifyPipeline.Tests.Cluster;

/// <summary>A <c>classify silo</c> process (the real program, from the test's own output folder), stopped or killed by its process id.</summary>
public sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Text.StringBuilder _error = new();

    private SiloProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith("silo ", StringComparison.Ordinal))
                _ready.TrySetResult(line);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_error)
                _error.AppendLine(e.Data);
        };
        process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"the silo exited ({process.ExitCode}): {Error}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Error
    {
        get
        {
            lock (_error)
                return _error.ToString();
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>classify silo</c> with these arguments; the Redis password goes in the environment, never on the command line.</summary>
    public static SiloProcess Start(string? redisPassword, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "classify.dll"));
        start.ArgumentList.Add("silo");
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        if (redisPassword is not null)
            start.Environment[ClusterCli.RedisPasswordVariable] = redisPassword;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.Start();
        return new SiloProcess(process);
    }

    /// <summary>The silo's first line (where it listens), once it has joined; fails when it exits first or takes too long.</summary>
    public Task<string> Ready(TimeSpan timeout) => _ready.Task.WaitAsync(timeout);

    public Task<int> Exited(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout).ContinueWith(_ => _process.ExitCode, TaskScheduler.Default);

    /// <summary>Kills the silo outright (SIGKILL): no leaving the cluster, no flushing.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
