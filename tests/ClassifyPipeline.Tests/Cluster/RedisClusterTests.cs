using ClassifyPipeline.Cluster.Corpus;
using ClassifyPipeline.Cluster.Hosting;
using ClassifyPipeline.Corpus;
using ClassifyPipeline.IO;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Tests.State;
using ClassifyPipeline.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Tests.Cluster;

/// <summary>
/// Three <c>classify silo</c> processes meeting in a password-protected <c>redis-server</c> on loopback (state in
/// Redis): batches through them give the single-machine results; a silo killed (SIGKILL) while a batch joins makes
/// that batch fail with a clear error (or complete on the survivors), and the rerun gives the single-machine result.
/// </summary>
public sealed class RedisClusterTests
{
    private static readonly TimeSpan Startup = TimeSpan.FromMinutes(2);

    [SkippableFact]
    public async Task Silos_OnRedis_SameAsSingleMachine_AndASiloKilledDuringABatchLosesNothing()
    {
        RedisServer.SkipUnlessInstalled();
        ClusterTestData.SkipUnlessData();
        using var temp = new TempDirectory();
        using var redis = await RedisServer.StartAsync(temp.Path);
        var clusterId = "t" + Guid.NewGuid().ToString("N")[..8];
        var silos = Enumerable.Range(0, 3).Select(_ => SiloProcess.Start(redis.Password,
            "--cluster", redis.Address, "--cluster-id", clusterId, "--silo-port", RedisServer.FreePort().ToString(), "--gateway-port", RedisServer.FreePort().ToString())).ToList();
        try
        {
            foreach (var silo in silos)
                Assert.StartsWith("silo 127.0.0.1:", await silo.Ready(Startup));

            var options = ClusterTestData.Options();
            var batches = ClusterTestData.Generated(temp.Path, 6000, 2);
            using var single = new InMemoryCorpusState();
            var expected = batches.Select(b => StateTestData.Outputs(new PipelineRunner(options, NullLogger.Instance, state: single).Run([b]))).ToList();
            var corpus = "redis-" + clusterId;
            var passwordFile = Path.Combine(temp.Path, "redis-password");
            await File.WriteAllTextAsync(passwordFile, redis.Password + "\n");

            // batch 1 by the command line, as a scheduler would run it
            var outFolder = Path.Combine(temp.Path, "out1");
            var run = await Support.Cli.Run("run", batches[0], "--out", outFolder, "--cluster", redis.Address, "--cluster-id", clusterId, "--state", corpus, "--redis-password-file", passwordFile);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal(expected[0], (await File.ReadAllTextAsync(Path.Combine(outFolder, "articles.jsonl")), await File.ReadAllTextAsync(Path.Combine(outFolder, "stories.jsonl"))));

            // batch 2, with a silo killed as soon as the batch's join reports progress
            var connectionOptions = new ClusterConnectionOptions { Address = ClusterAddress.TryParse(redis.Address, out _)!, ClusterId = clusterId, RedisPassword = redis.Password };
            await using var connection = await ClusterConnection.StartAsync(connectionOptions);
            var stateOptions = new ClusterStateOptions { Corpus = corpus, Lease = TimeSpan.FromSeconds(20) };
            var state = new ClusterCorpusState(connection.Client, stateOptions, options.Dedup.WindowDays, watch: connection.Watch);
            var runner = new PipelineRunner(options, NullLogger.Instance, state: state, joiner: state.Joiner);
            var killed = 0;
            var progress = new SynchronousProgress<RunProgress>(p =>
            {
                if (p.Stage == "dedup" && Interlocked.Exchange(ref killed, 1) == 0)
                    silos[1].Kill();
            });
            RunResult? completed = null;
            var failure = Record.Exception(() => completed = runner.Run([batches[1]], progress));
            Assert.Equal(1, killed);
            if (failure is null)
            {
                // completed on the survivors (the kill came after the last call to that silo): the single-machine result
                Assert.Equal(expected[1], StateTestData.Outputs(completed!));
            }
            else
            {
                var error = Assert.IsType<CorpusStateException>(failure);
                Assert.Contains("run the batch again", error.Message);
                // the rerun, on the two survivors, gives the single-machine result (retried while a lease held by the failed batch lapses)
                var rerun = await Rerun(() => runner.Run([batches[1]]));
                Assert.Equal(expected[1], StateTestData.Outputs(rerun));
            }
            using var session = state.Begin();
            var stored = session.LoadDocuments(single.Documents.Select(d => d.Id).ToList());
            Assert.Equal(single.Documents.Select(d => (d.Id, d.StoryId, d.DuplicateOf)).Order(), stored.Select(d => (d.Id, d.StoryId, d.DuplicateOf)).Order());
        }
        finally
        {
            foreach (var silo in silos)
                silo.Dispose();
        }
    }

    [SkippableFact]
    public async Task Silo_WrongRedisPassword_FailsWithClearError()
    {
        RedisServer.SkipUnlessInstalled();
        using var temp = new TempDirectory();
        using var redis = await RedisServer.StartAsync(temp.Path);
        using var silo = SiloProcess.Start("not-the-password", "--cluster", redis.Address, "--cluster-id", "wrong", "--silo-port", RedisServer.FreePort().ToString(), "--gateway-port", RedisServer.FreePort().ToString());

        var code = await silo.Exited(Startup);
        Assert.Equal(5, code);
        Assert.Contains("could not join the cluster", silo.Error);
    }

    /// <summary>
    /// Runs the batch again until it starts, as a scheduler would on exit code 5: the batch that failed may hold the corpus
    /// until its lease lapses (when the silo that held the catalog died), and the dead silo stays in the membership, so
    /// unreachable, until the survivors vote it out.
    /// </summary>
    private static async Task<RunResult> Rerun(Func<RunResult> run)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return run();
            }
            catch (CorpusStateException e) when (attempt < 20 && (e.Message.Contains("in use by another run") || e.Message.Contains("run the batch again")))
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
            }
        }
    }
}
