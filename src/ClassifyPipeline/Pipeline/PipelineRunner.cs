using ClassifyPipeline.Articles;
using ClassifyPipeline.Classification;
using ClassifyPipeline.Corpus;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.IO;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Text;
using ClassifyPipeline.Threads;
using ClassifyPipeline.Vectors;
using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Pipeline;

/// <summary>
/// Composes the stages of <c>classify run</c>: Ingest → Clean → Analyze → Vectorize + Dedup (<see cref="StoryStage"/>,
/// against a corpus state) → Label. One path with or without a persistent state: without one, the batch is compared
/// with an empty in-memory state that keeps nothing. Models are passed in, already trained.
/// </summary>
public sealed class PipelineRunner
{
    private readonly PipelineOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ITopicClassifier? _topics;
    private readonly IStanceClassifier? _stances;

    private readonly ICorpusState? _state;
    private readonly IWindowJoiner? _joiner;

    /// <param name="state">The persistent corpus state (<c>--state DIR</c>); null for a run that stands alone.</param>
    /// <param name="joiner">Joins the batch with its window where the state keeps it (a cluster); null: in this process.</param>
    public PipelineRunner(PipelineOptions options, ILogger logger, TimeProvider? time = null, ITopicClassifier? topics = null, IStanceClassifier? stances = null, ICorpusState? state = null, IWindowJoiner? joiner = null)
    {
        var errors = OptionsValidator.Validate(options);
        if (errors.Count > 0)
            throw new ArgumentException("invalid options: " + string.Join("; ", errors), nameof(options));
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _topics = topics;
        _stances = stances;
        _state = state;
        _joiner = joiner;
    }

    /// <summary>Articles read, cleaned and analyzed together, and later cleaned and labeled together.</summary>
    internal int ChunkSize { get; init; } = 8192;

    /// <summary>
    /// Runs the batch in two passes over the files, so that no more than a chunk of texts is held at once: the first
    /// reads each article, keeps its header and terms and lets its text go; after dedup, the second reads the files
    /// again to label each chunk by topic and stance. The files must not change in between (<see cref="InputChangedException"/>).
    /// </summary>
    public RunResult Run(IReadOnlyList<string> files, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var times = new StageTimes(_time, _logger);
        var ingestor = new ArticleIngestor(_options.Ingest);
        var rejections = new List<Rejection>();
        var headers = new List<ArticleHeader>();
        // a hash of each article as read (every field), for the second pass to check it reads the same article
        var fingerprints = new List<int>();
        // each article's terms as batch-local ids, not strings
        var terms = new BatchTerms();
        var documents = new List<BatchDocument>();
        // one cleaner for all threads: its regular expressions learn their automata as they match, and Parallel.For
        // calls a local initializer again and again, so a cleaner per initializer would keep relearning them
        var cleaner = new ArticleCleaner(_options.Clean);
        foreach (var chunk in Chunks(ingestor.Read(files, null, cancellationToken), rejections, times, "ingest"))
        {
            times.Add("clean+analyze", () => Analyze(chunk, cleaner, headers, fingerprints, terms, documents, cancellationToken));
            progress?.Report(new RunProgress("analyze", headers.Count, null));
        }
        times.Done("ingest", "clean+analyze");
        PipelineLog.Ingested(_logger, headers.Count, files.Count, rejections.Count);
        foreach (var r in rejections)
            PipelineLog.Rejected(_logger, r.Input, r.Location, r.Reason);
        if (headers.Count == 0)
            return new RunResult([], [], rejections, times.Timings, files.Count); // nothing read: nothing to dedup, label or keep in the state

        var (dedup, threads) = times.Timed("dedup", () => Deduplicate(documents, terms, progress, cancellationToken));
        PipelineLog.Deduplicated(_logger, dedup.Stories.Count, dedup.Assignments.Count(a => a.DuplicateOf is not null), headers.Count);
        // the lambdas above captured these, so they would otherwise hold the batch's terms through the second pass
        documents = null;
        terms = null;
        // The batch's vectors and the join's work are garbage from here on (gigabytes at a million articles), and
        // the second pass is about to allocate: collecting now keeps the two from adding up in the peak.
        GC.Collect();

        // each article's place in canonical order, the order of the dedup assignments
        var position = new Dictionary<string, int>(dedup.Assignments.Count, StringComparer.Ordinal);
        for (var i = 0; i < dedup.Assignments.Count; i++)
            position[dedup.Assignments[i].Id] = i;
        var ordered = new ArticleHeader[headers.Count];
        foreach (var header in headers)
            ordered[position[header.Id]] = header;
        var labels = Label(ingestor, files, headers, fingerprints, ordered, position, dedup, cleaner, times, progress, cancellationToken);

        var results = new List<ArticleResult>(ordered.Length);
        for (var i = 0; i < ordered.Length; i++)
            results.Add(new ArticleResult(ordered[i], dedup.Assignments[i], labels.Topics?[i], labels.Stances[i], labels.Claims[i])
            {
                ThreadId = threads.ThreadOfStory.GetValueOrDefault(dedup.Assignments[i].StoryId),
            });
        progress?.Report(new RunProgress("done", results.Count, results.Count));
        return new RunResult(results, dedup.Stories, rejections, times.Timings, files.Count) { Threads = threads };
    }

    /// <summary>The articles read, a chunk at a time; rejections go to <paramref name="rejections"/> and reading time to <paramref name="stage"/>.</summary>
    private IEnumerable<List<Article>> Chunks(IEnumerable<ReadItem> items, List<Rejection>? rejections, StageTimes times, string stage)
    {
        using var reader = items.GetEnumerator();
        var chunk = new List<Article>(ChunkSize);
        while (times.Add(stage, reader.MoveNext))
        {
            if (reader.Current.Rejection is { } rejection)
            {
                rejections?.Add(rejection);
                continue;
            }
            chunk.Add(reader.Current.Article!);
            if (chunk.Count == ChunkSize)
            {
                yield return chunk;
                chunk = new List<Article>(ChunkSize);
            }
        }
        if (chunk.Count > 0)
            yield return chunk;
    }

    /// <summary>Cleans and analyzes a chunk (in parallel), keeping each article's header and its terms as a bag of batch-local ids.</summary>
    private void Analyze(List<Article> chunk, ArticleCleaner cleaner, List<ArticleHeader> headers, List<int> fingerprints, BatchTerms terms, List<BatchDocument> documents, CancellationToken cancellationToken)
    {
        var chunkDocuments = new BatchDocument[chunk.Count];
        var chunkPrints = new int[chunk.Count];
        Parallel.For(0, chunk.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new TextAnalyzer(_options.Analysis),
            (i, _, analyzer) =>
            {
                chunkPrints[i] = chunk[i].GetHashCode();
                var result = analyzer.Analyze(cleaner.Clean(chunk[i]));
                chunkDocuments[i] = new BatchDocument(ArticleHeader.Of(result.Clean), terms.Bag(result.Terms), _options.Dedup.DuplicateContainment is null ? null : TextSketch.Of(result.Clean));
                return analyzer;
            },
            _ => { });
        headers.AddRange(chunkDocuments.Select(d => d.Header));
        fingerprints.AddRange(chunkPrints);
        documents.AddRange(chunkDocuments);
    }

    /// <summary>
    /// Vectorize + Dedup and the thread step against the corpus state: the persistent one (committed), else an empty
    /// one in memory that keeps nothing.
    /// </summary>
    private (DedupResult, ThreadResult) Deduplicate(List<BatchDocument> documents, BatchTerms terms, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        using var ephemeral = _state is null ? new InMemoryCorpusState(keepsChanges: false) : null;
        using var session = (_state ?? ephemeral!).Begin(cancellationToken);
        var settings = new Dictionary<string, object> { ["clean"] = _options.Clean, ["analysis"] = _options.Analysis };
        var vocabulary = terms.Vocabulary();
        var storedDf = _options.Threads.Enabled ? ThreadStage.StoredFrequencies(session) : default;
        var result = new StoryStage(_options.Dedup, _options.Vectorize, _logger, _time, _joiner)
            .Run(documents, vocabulary, session, settings, progress, cancellationToken);
        var threads = ThreadResult.Empty;
        if (_options.Threads.Enabled)
        {
            LargeGarbage.Collect(); // the story graph and the clustering's arrays are dead: the 1M run peaked in the thread step
            threads = new ThreadStage(_options.Threads, _options.Vectorize, _logger).Run(documents, vocabulary, storedDf, result, session, cancellationToken, progress);
        }
        if (_state is not null)
            session.Commit();
        return (result, threads);
    }

    /// <summary>
    /// The second pass: reads the files again, a chunk at a time, and labels each article by topic and by stance
    /// (results in canonical order). Skipped when there is no model to label with.
    /// </summary>
    private Labels Label(ArticleIngestor ingestor, IReadOnlyList<string> files, List<ArticleHeader> headers, List<int> fingerprints, ArticleHeader[] ordered, Dictionary<string, int> position, DedupResult dedup, ArticleCleaner cleaner, StageTimes times, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var labels = new Labels(_topics is null ? null : new TopicPrediction[ordered.Length], new StanceResult?[ordered.Length], new IReadOnlyList<ClaimStance>[ordered.Length]);
        Array.Fill(labels.Claims, Array.Empty<ClaimStance>());
        if (_topics is null)
            PipelineLog.NoModel(_logger, "topic");
        if (_stances is null)
            PipelineLog.NoModel(_logger, "stance");
        if (_topics is null && _stances is null)
            return labels;

        var stance = _stances is null ? null : new StanceLabeler(_stances, _options.Stance, ordered, position, dedup);

        var read = 0;
        foreach (var chunk in Chunks(ingestor.Read(files, null, cancellationToken), null, times, "reread"))
        {
            var cleaned = times.Add("reread", () => Clean(chunk, cleaner, headers, fingerprints, read, cancellationToken));
            var at = cleaned.Select(a => position[a.Id]).ToArray();
            if (_topics is not null)
            {
                var topics = times.Add("topic", () => _topics.Predict(cleaned, cancellationToken));
                for (var j = 0; j < at.Length; j++)
                    labels.Topics![at[j]] = topics[j];
            }
            if (stance is not null)
                times.Add("stance", () => stance.Label(cleaned, at, labels.Stances, labels.Claims, cancellationToken));
            read += chunk.Count;
            progress?.Report(new RunProgress("label", read, ordered.Length));
        }
        if (read != headers.Count)
            throw new InputChangedException($"the inputs changed during the run: {headers.Count:N0} articles were read, then {read:N0} when reading them again to label them");
        times.Done("reread", "topic", "stance");
        stance?.Log(_logger, (long)times.Elapsed("stance").TotalMilliseconds);
        return labels;
    }

    /// <summary>Cleans a chunk of the second pass (in parallel), checking that it holds the articles the first pass read there, unchanged.</summary>
    private static CleanArticle[] Clean(List<Article> chunk, ArticleCleaner cleaner, List<ArticleHeader> headers, List<int> fingerprints, int first, CancellationToken cancellationToken)
    {
        for (var j = 0; j < chunk.Count; j++)
        {
            if (first + j >= headers.Count)
                throw new InputChangedException($"the inputs changed during the run: {headers.Count:N0} articles were read, then more ('{chunk[j].Id}' after them) when reading them again to label them");
            if (chunk[j].Id != headers[first + j].Id)
                throw new InputChangedException($"the inputs changed during the run: article {first + j + 1:N0} was '{headers[first + j].Id}', then '{chunk[j].Id}' when reading it again to label it");
            if (chunk[j].GetHashCode() != fingerprints[first + j])
                throw new InputChangedException($"the inputs changed during the run: article {first + j + 1:N0} ('{chunk[j].Id}') is not the same when read again to label it");
        }
        var cleaned = new CleanArticle[chunk.Count];
        Parallel.For(0, chunk.Count, new ParallelOptions { CancellationToken = cancellationToken }, j => cleaned[j] = cleaner.Clean(chunk[j]));
        return cleaned;
    }

    private sealed record Labels(TopicPrediction[]? Topics, StanceResult?[] Stances, IReadOnlyList<ClaimStance>[] Claims);
}
