using ClassifyPipeline.Cluster.Hosting;
using ClassifyPipeline.Cluster.Join;
using ClassifyPipeline.Cluster.Model;
using ClassifyPipeline.Corpus;
using ClassifyPipeline.Dedup;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Cluster.Corpus;

/// <summary>
/// The corpus state on an Orleans cluster: the third home of the seam (<see cref="ICorpusState"/>), beside memory
/// and SQLite. The documents, with their term bags and edges, live in slice grains by time slice (and id-hash part);
/// an id directory and a story index, hashed into buckets, find them by id and by story; the catalog grain holds the
/// term statistics, the settings, the lease and the commit record. A batch joins where the window lives
/// (<see cref="Joiner"/>, to pass to the story stage) and commits in two phases (<see cref="ClusterCorpusSession"/>).
/// </summary>
public sealed class ClusterCorpusState : ICorpusState
{
    private readonly IGrainFactory _grains;
    private readonly ClusterStateOptions _options;
    private readonly CorpusLayout _layout;
    private readonly long _windowTicks;
    private readonly ILogger _logger;
    private readonly ClusterWatch? _watch;

    /// <param name="windowDays">The dedup window: slices are never shorter.</param>
    /// <param name="watch">Fails a running batch at once when a silo leaves (else its calls to that silo time out).</param>
    public ClusterCorpusState(IGrainFactory grains, ClusterStateOptions options, double windowDays, ILogger? logger = null, ClusterWatch? watch = null)
    {
        var errors = options.Validate(windowDays);
        if (errors.Count > 0)
            throw new ArgumentException("invalid cluster state options: " + string.Join("; ", errors), nameof(options));
        _grains = grains;
        _options = options;
        _layout = options.Layout(windowDays);
        _windowTicks = TimeSpan.FromDays(windowDays).Ticks;
        _logger = logger ?? NullLogger.Instance;
        _watch = watch;
        Joiner = new ClusterWindowJoiner(_logger);
    }

    /// <summary>Joins a batch of this state's sessions where its window lives.</summary>
    public IWindowJoiner Joiner { get; }

    public ICorpusSession Begin(CancellationToken cancellationToken = default)
    {
        var keeps = _options.Corpus is not null;
        var corpus = _options.Corpus ?? "run-" + Guid.NewGuid().ToString("N");
        var session = ClusterCorpusSession.Begin(_grains, corpus, keeps, _layout, _options, _logger, _watch, cancellationToken);
        if (session.Layout.SliceTicks < _windowTicks)
        {
            session.Dispose();
            throw new CorpusStateException($"the corpus '{corpus}' has slices of {TimeSpan.FromTicks(session.Layout.SliceTicks).TotalDays} days, shorter than the dedup window ({TimeSpan.FromTicks(_windowTicks).TotalDays} days): a probe would miss documents; use a new corpus for this window");
        }
        ClusterLog.Began(_logger, session.Batch, corpus, session.Layout.ToString(), session.View.DocumentCount, session.View.Slices.Length);
        return session;
    }

    public void Dispose()
    {
    }
}
