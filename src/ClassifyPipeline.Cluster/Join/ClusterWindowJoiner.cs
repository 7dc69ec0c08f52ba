using ClassifyPipeline.Cluster.Corpus;
using ClassifyPipeline.Cluster.Grains;
using ClassifyPipeline.Cluster.Model;
using ClassifyPipeline.Corpus;
using ClassifyPipeline.Dedup;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Cluster.Join;

/// <summary>
/// The batch's join, run where the window lives (<see cref="IWindowJoiner"/>): the coordinator stages each batch
/// article in its home slice grain (time slice, id hash part; undated new ones in the batch's undated grains) and hides
/// there the stored copies the batch replaces, ships the batch's IDF (computed once) to every grain the join
/// reaches, then sends each new article, in chunks, to every part of the slices within a window of it (an undated
/// one to every slice of the batch's range, and to the undated grains). Each grain reports the pairs it owns
/// (<see cref="ProbeIndex"/>) with the stored documents they reach; the stage orders them. Only the batch's
/// articles and the pairs travel, never the window.
/// </summary>
public sealed class ClusterWindowJoiner(ILogger? logger = null) : IWindowJoiner
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public JoinedWindow Join(WindowJoinRequest request, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var session = request.Session as ClusterCorpusSession
            ?? throw new ArgumentException("the cluster joiner joins batches of a cluster corpus state", nameof(request));
        var layout = session.Layout;
        var window = request.Window.Ticks;

        // 1. stage: every batch article in its home grain; hide the stored copies it replaces
        var staged = new Dictionary<string, (List<StagedDoc> Docs, List<string> Hide)>(StringComparer.Ordinal);
        (List<StagedDoc> Docs, List<string> Hide) At(string key) => staged.TryGetValue(key, out var s) ? s : staged[key] = ([], []);
        var ranges = new Dictionary<long, (long Min, long Max)>();
        foreach (var r in request.Batch)
        {
            var ticks = r.WindowTime.UtcTicks;
            var home = r.Undated ? GrainKeys.UndatedSlice(session.Corpus, layout.PartOf(r.Id)) : GrainKeys.Slice(session.Corpus, layout.SliceOf(ticks), layout.PartOf(r.Id));
            At(home).Docs.Add(new StagedDoc(r.Id, ticks, r.Published?.UtcTicks, r.IsNew, r.Bag.Bytes.ToArray()));
            if (r.Stored is { } stored)
                At(GrainKeys.Slice(session.Corpus, layout.SliceOf(stored.WindowTime), layout.PartOf(r.Id))).Hide.Add(r.Id);
            if (!r.Undated)
            {
                var slice = layout.SliceOf(ticks);
                ranges[slice] = ranges.TryGetValue(slice, out var range) ? (Math.Min(range.Min, ticks), Math.Max(range.Max, ticks)) : (ticks, ticks);
            }
        }
        foreach (var s in session.View.Slices)
            ranges[s.Slice] = ranges.TryGetValue(s.Slice, out var range) ? (Math.Min(range.Min, s.MinTicks), Math.Max(range.Max, s.MaxTicks)) : (s.MinTicks, s.MaxTicks);
        var stageCalls = staged.SelectMany(p => StageChunks(p.Value.Docs, p.Value.Hide, session.Options.ChunkSize).Select(c => (Key: p.Key, c.Docs, c.Hide))).ToList();
        var tokens = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var stagedTokens = session.Calls.ForAll(stageCalls, c => Grain(session, c.Key).Stage(session.Batch, c.Docs, c.Hide), "staging the batch");
        for (var i = 0; i < stageCalls.Count; i++)
        {
            if (tokens.TryGetValue(stageCalls[i].Key, out var t) && t != stagedTokens[i])
                throw new CorpusStateException($"slice grain {stageCalls[i].Key} restarted while the batch was staged (a silo stopped): the batch cannot complete; run it again");
            tokens[stageCalls[i].Key] = stagedTokens[i];
        }

        var stageMs = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        try
        {
            var (joined, log) = Probe(request, session, ranges, tokens, window, cancellationToken);
            ClusterLog.Joined(_logger, request.Batch.Count, staged.Count, stageMs, log.Probes, log.Grains, log.IndexMs, log.ProbeMs, joined.Pairs.Count, joined.Stored.Count);
            return joined;
        }
        finally
        {
            // frees the grains' staged articles and indexes (a grain that is gone has nothing to free)
            var touched = tokens.Keys.ToList();
            try
            {
                session.Calls.ForAll(touched, k => Grain(session, k).EndJoin(session.Batch), "ending the join");
            }
            catch (CorpusStateException)
            {
            }
        }
    }

    private static (JoinedWindow Joined, (int Probes, int Grains, long IndexMs, long ProbeMs) Log) Probe(WindowJoinRequest request, ClusterCorpusSession session, Dictionary<long, (long Min, long Max)> ranges,
        Dictionary<string, Guid> tokens, long window, CancellationToken cancellationToken)
    {
        var layout = session.Layout;
        // 2. targets: each new article to every part of the slices whose documents lie within its reach
        var probes = new Dictionary<string, List<ProbeDoc>>(StringComparer.Ordinal);
        void Send(string key, ProbeDoc probe)
        {
            if (!probes.TryGetValue(key, out var list))
                probes[key] = list = [];
            list.Add(probe);
        }
        var (from, to) = (request.From.UtcTicks, request.To.UtcTicks);
        foreach (var r in request.Batch)
        {
            if (!r.IsNew)
                continue;
            var ticks = r.WindowTime.UtcTicks;
            var probe = new ProbeDoc(r.Id, ticks, r.Undated, r.Bag.Bytes.ToArray());
            var (lo, hi) = r.Undated ? (from, to) : (ticks - window, ticks + window);
            foreach (var (slice, range) in ranges)
            {
                if (range.Max < lo || range.Min > hi)
                    continue;
                for (var p = 0; p < layout.Parts; p++)
                    Send(GrainKeys.Slice(session.Corpus, slice, p), probe);
            }
            if (r.Undated)
            {
                for (var p = 0; p < layout.Parts; p++)
                    Send(GrainKeys.UndatedSlice(session.Corpus, p), probe);
            }
        }

        // 3. every grain probed builds its index with the batch's weights (shipped, not recomputed)
        var settings = new JoinSettings(request.Idf.Weights.ToArray(), request.Idf.SublinearTf, request.Threshold, window, from, to);
        var targets = probes.Keys.ToList();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var joinTokens = session.Calls.ForAll(targets, k => Grain(session, k).Join(session.Batch, tokens.GetValueOrDefault(k), settings), "indexing the window");
        for (var i = 0; i < targets.Count; i++)
            tokens[targets[i]] = joinTokens[i];

        var indexMs = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = System.Diagnostics.Stopwatch.GetTimestamp();

        // 4. probe in chunks; each pair comes from the one grain that owns it
        var calls = probes.SelectMany(p => p.Value.Chunk(session.Options.ChunkSize).Select(c => (Key: p.Key, Docs: c))).ToList();
        var total = calls.Sum(c => c.Docs.Length);
        var done = 0;
        var answers = session.Calls.ForAll(calls, async c =>
        {
            var answer = await Grain(session, c.Key).Probe(session.Batch, tokens[c.Key], c.Docs);
            var n = Interlocked.Add(ref done, c.Docs.Length);
            request.Progress?.Report((int)((long)n * request.Batch.Count / Math.Max(1, total)));
            return answer;
        }, "joining the batch with its window");
        cancellationToken.ThrowIfCancellationRequested();
        var probeMs = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var pairs = new List<WindowPair>();
        var reached = new Dictionary<string, CorpusDocument>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            foreach (var (indexed, probe, cosine) in answer.Pairs)
                pairs.Add(new WindowPair(indexed, probe, cosine));
            foreach (var d in answer.Reached)
            {
                if (!reached.ContainsKey(d.Id))
                    reached[d.Id] = session.Remember(d).ToDocument();
            }
        }
        return (new JoinedWindow([.. reached.Values], pairs), (total, targets.Count, indexMs, probeMs));
    }

    private static ISliceGrain Grain(ClusterCorpusSession session, string key) => session.Grains.GetGrain<ISliceGrain>(key);

    /// <summary>The documents a chunk at a time; the first chunk (there is always one) carries the hidden ids.</summary>
    private static IEnumerable<(StagedDoc[] Docs, string[] Hide)> StageChunks(List<StagedDoc> docs, List<string> hide, int size)
    {
        yield return ([.. docs.Take(size)], [.. hide]);
        for (var at = size; at < docs.Count; at += size)
            yield return ([.. docs.Skip(at).Take(size)], []);
    }
}
