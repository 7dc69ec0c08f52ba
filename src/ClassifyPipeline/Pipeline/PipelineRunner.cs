using System.Diagnostics;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Classification;
using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.State;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;
using Microsoft.Extensions.Logging;

namespace ClassifyPipeline.Pipeline;

/// <summary>
/// Composes the stages of <c>classify run</c>: Ingest → Clean → Analyze → Vectorize → Dedup → Label.
/// Holds no state between runs unless given a persistent state (<see cref="IStateStore"/>); models are passed in, already trained.
/// </summary>
public sealed class PipelineRunner
{
    private readonly PipelineOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ITopicClassifier? _topics;
    private readonly IStanceClassifier? _stances;

    private readonly IStateStore? _state;

    /// <param name="state">The persistent state (<c>--state DIR</c>); null for a run that stands alone.</param>
    public PipelineRunner(PipelineOptions options, ILogger logger, TimeProvider? time = null, ITopicClassifier? topics = null, IStanceClassifier? stances = null, IStateStore? state = null)
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
    }

    public RunResult Run(IReadOnlyList<string> files, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var timings = new List<StageTiming>();

        var ingest = Timed("ingest", timings, () =>
            new ArticleIngestor(_options.Ingest).Ingest(files, new Progress<int>(n => progress?.Report(new RunProgress("ingest", n, files.Count))), cancellationToken));
        PipelineLog.Ingested(_logger, ingest.Articles.Count, files.Count, ingest.Rejections.Count);
        foreach (var r in ingest.Rejections)
            PipelineLog.Rejected(_logger, r.Input, r.Location, r.Reason);

        var articles = ingest.Articles;
        // The terms of an article are let go as soon as it is analyzed, so a batch's term strings (one per token and
        // bigram) are never all held at once: without state they go into the vectorizer as ids, with state they are
        // counted, as the state stores them.
        var vectorizer = _state is null ? new BatchVectorizer(articles.Count) : null;
        var (cleaned, counted) = Timed("clean+analyze", timings, () => CleanAndAnalyze(articles, vectorizer, progress, cancellationToken));

        var dedup = vectorizer is null
            ? Timed("vectorize+dedup+state", timings, () => new StoryTracker(_state!, _options, _logger, _time).Run(counted!, cancellationToken))
            : Deduplicate(cleaned, vectorizer, timings, cancellationToken);
        PipelineLog.Deduplicated(_logger, dedup.Stories.Count, dedup.Assignments.Count(a => a.DuplicateOf is not null), cleaned.Length);
        counted = null; // captured by the lambda above, so it would otherwise hold every article's counts through topic and stance

        var byId = cleaned.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var ordered = dedup.Assignments.Select(a => byId[a.Id]).ToList();
        var topics = Timed("topic", timings, () => PredictTopics(ordered, cancellationToken));

        var (stances, claims) = Timed("stance", timings, () => PredictStances(ordered, dedup, cancellationToken));

        var results = new List<ArticleResult>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
            results.Add(new ArticleResult(ordered[i], dedup.Assignments[i], topics?[i], stances[i], claims[i]));
        progress?.Report(new RunProgress("done", results.Count, results.Count));
        return new RunResult(results, dedup.Stories, ingest.Rejections, timings, files.Count);
    }

    private DedupResult Deduplicate(CleanArticle[] cleaned, BatchVectorizer vectorizer, List<StageTiming> timings, CancellationToken cancellationToken)
    {
        var (model, vectors) = Timed("vectorize", timings, () => vectorizer.Fit(_options.Vectorize));

        return Timed("dedup", timings, () =>
        {
            var documents = cleaned.Select((a, i) => new DedupDocument(a.Id, a.Article.Published, vectors[i])).ToList();
            return new Deduplicator(_options.Dedup).Run(documents, model, cancellationToken);
        });
    }

    /// <summary>
    /// Cleans and analyzes every article (in parallel). With a <paramref name="vectorizer"/>, each article's terms go
    /// into it; without, they are returned counted, for the state.
    /// </summary>
    private (CleanArticle[] Cleaned, CountedArticle[]? Counted) CleanAndAnalyze(IReadOnlyList<Article> articles, BatchVectorizer? vectorizer, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var cleaned = new CleanArticle[articles.Count];
        var counted = vectorizer is null ? new CountedArticle[articles.Count] : null;
        var done = 0L;
        // one cleaner for all threads: its regular expressions learn their automata as they match, and Parallel.For
        // calls a local initializer again and again, so a cleaner per initializer would keep relearning them
        var cleaner = new ArticleCleaner(_options.Clean);
        Parallel.For(0, articles.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new TextAnalyzer(_options.Analysis),
            (i, _, analyzer) =>
            {
                var result = analyzer.Analyze(cleaner.Clean(articles[i]));
                cleaned[i] = result.Clean;
                if (vectorizer is not null)
                    vectorizer.Add(i, result.Terms);
                else
                    counted![i] = new CountedArticle(result.Clean, TermCounts.From(result.Terms));
                var n = Interlocked.Increment(ref done);
                if (n % 1000 == 0)
                    progress?.Report(new RunProgress("analyze", n, articles.Count));
                return analyzer;
            },
            _ => { });
        return (cleaned, counted);
    }

    private IReadOnlyList<TopicPrediction>? PredictTopics(IReadOnlyList<CleanArticle> articles, CancellationToken cancellationToken)
    {
        if (_topics is null)
        {
            PipelineLog.NoModel(_logger, "topic");
            return null;
        }
        return _topics.Predict(articles, cancellationToken);
    }

    /// <summary>
    /// Each article's stance toward its story's lead headline, and toward every configured claim. The lead
    /// itself and the only article of a one-article story have no lead stance (null): there is no other
    /// article's headline to judge them against.
    /// </summary>
    private (StanceResult?[] Stances, IReadOnlyList<ClaimStance>[] Claims) PredictStances(IReadOnlyList<CleanArticle> articles, DedupResult dedup, CancellationToken cancellationToken)
    {
        var stances = new StanceResult?[articles.Count];
        var claims = new IReadOnlyList<ClaimStance>[articles.Count];
        Array.Fill(claims, Array.Empty<ClaimStance>());
        if (_stances is null)
        {
            PipelineLog.NoModel(_logger, "stance");
            return (stances, claims);
        }

        var byId = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var stories = dedup.Stories.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var pairs = new List<StancePair>();
        var leadPair = new int[articles.Count];
        for (var i = 0; i < articles.Count; i++)
        {
            leadPair[i] = -1;
            var story = stories[dedup.Assignments[i].StoryId];
            var leadTitle = byId.TryGetValue(story.LeadId, out var lead) ? lead.Title : story.LeadTitle;
            if (story.Members.Count < 2 || story.LeadId == articles[i].Id || string.IsNullOrEmpty(leadTitle))
                continue;
            leadPair[i] = pairs.Count;
            pairs.Add(new StancePair(leadTitle, articles[i].Body));
        }
        var leadPairs = pairs.Count;
        var claimList = _options.Stance.Claims.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        foreach (var article in articles)
            foreach (var claim in claimList)
                pairs.Add(new StancePair(claim, article.Body));

        var start = _time.GetTimestamp();
        var predictions = _stances.Predict(pairs, cancellationToken);
        for (var i = 0; i < articles.Count; i++)
        {
            if (leadPair[i] >= 0)
            {
                var p = predictions[leadPair[i]];
                stances[i] = new StanceResult(p.Stance, p.Confidence, stories[dedup.Assignments[i].StoryId].LeadId);
            }
            if (claimList.Count > 0)
            {
                var list = new ClaimStance[claimList.Count];
                for (var c = 0; c < claimList.Count; c++)
                {
                    var p = predictions[leadPairs + i * claimList.Count + c];
                    list[c] = new ClaimStance(claimList[c], p.Stance, p.Confidence);
                }
                claims[i] = list;
            }
        }
        StanceLog.Predicted(_logger, pairs.Count, leadPairs, pairs.Count - leadPairs, claimList.Count, (long)_time.GetElapsedTime(start).TotalMilliseconds);
        return (stances, claims);
    }

    private T Timed<T>(string stage, List<StageTiming> timings, Func<T> work)
    {
        var start = _time.GetTimestamp();
        var result = work();
        var elapsed = _time.GetElapsedTime(start);
        timings.Add(new StageTiming(stage, elapsed));
        PipelineLog.StageDone(_logger, stage, (long)elapsed.TotalMilliseconds);
        return result;
    }
}
