using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Classification.Topic;

/// <summary>Scores a model against labeled articles, or a training configuration by cross-validation or a held-out part.</summary>
public static class TopicEvaluator
{
    /// <summary>
    /// A trained model on labeled data. Multi-label: over the model's labels; single-label: every label seen counts.
    /// <paramref name="labeledOnly"/> (multi-label): articles carrying none of the model's labels are not scored.
    /// <paramref name="embeddings"/>: where a model with sentence embeddings gets them (progress, throughput).
    /// </summary>
    public static TopicMetrics Evaluate(TopicModel model, LabeledData data, CancellationToken cancellationToken = default, bool labeledOnly = false,
        SentenceEmbeddings? embeddings = null)
    {
        if (model.MultiLabel != data.MultiLabel)
            throw new LabeledDataException(model.MultiLabel
                ? "the model is multi-label but the data has single labels ('label'); give data with 'labels' lists"
                : "the model is single-label but the data has 'labels' lists");
        var articles = labeledOnly && data.MultiLabel ? WithAnyLabel(data.Articles, model.Labels) : data.Articles;
        var predictions = Predict(model, articles, new ArticleCleaner(model.Clean), embeddings, cancellationToken);
        return Score(model.Labels, data.MultiLabel, articles, predictions);
    }

    /// <summary>
    /// K-fold cross-validation (stratified by label for single-label data, seeded shuffle for multi-label):
    /// every article is predicted by the model trained on the other folds, and the metrics are over all of them.
    /// <paramref name="labeledOnly"/> (multi-label): articles carrying none of the labels are left out first.
    /// With sentence embeddings, every article is embedded once, before the folds, into <paramref name="embeddings"/>
    /// (a new cache when null), which the folds' training and prediction then read.
    /// </summary>
    public static TopicMetrics CrossValidate(LabeledData data, IReadOnlyList<string>? labels, TopicTrainingOptions options, int folds,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default, bool labeledOnly = false, SentenceEmbeddings? embeddings = null)
    {
        if (folds < 2)
            throw new ArgumentOutOfRangeException(nameof(folds), folds, "cross-validation needs at least 2 folds");
        var labelSet = (labels ?? data.DistinctLabels()).ToArray();
        var articles = Restrict(data, labelSet);
        if (labeledOnly && data.MultiLabel)
            articles = WithAnyLabel(articles, labelSet);
        if (folds > articles.Count)
            throw new LabeledDataException($"{folds} folds need at least {folds} articles; found {articles.Count}");
        var fold = data.MultiLabel
            ? Folds.Shuffled(articles.Count, folds, options.Seed)
            : Folds.Stratified(articles.Select(a => a.Labels[0]).ToArray(), folds, options.Seed);
        var predictions = new Scored[articles.Count];
        // One cleaner for every fold: its regexes keep the automata they have learned.
        var cleaner = new ArticleCleaner(options.Clean);
        embeddings = EmbedAll(options, articles, cleaner, embeddings, progress, cancellationToken);
        var estimator = new TopicEstimator(options, embeddings);
        for (var k = 0; k < folds; k++)
        {
            progress?.Report($"fold {k + 1}/{folds}");
            var train = articles.Where((_, i) => fold[i] != k).ToList();
            var testIndex = Enumerable.Range(0, articles.Count).Where(i => fold[i] == k).ToArray();
            var model = estimator.Fit(new LabeledData(train, data.MultiLabel), labelSet, requireSamples: false, progress, cancellationToken);
            var predicted = Predict(model, testIndex.Select(i => articles[i]).ToList(), cleaner, embeddings, cancellationToken);
            for (var j = 0; j < testIndex.Length; j++)
                predictions[testIndex[j]] = predicted[j];
        }
        return Score(labelSet, data.MultiLabel, articles, predictions);
    }

    /// <summary>
    /// Repeated K-fold cross-validation: <see cref="CrossValidate"/> <paramref name="repeats"/> times, with the seed
    /// (folds and training) <see cref="TopicTrainingOptions.Seed"/>, + 1, + 2, …; one result per repeat, in that order.
    /// With a few dozen articles between one configuration and another, a single fold assignment is too noisy to choose by.
    /// </summary>
    public static IReadOnlyList<(int Seed, TopicMetrics Metrics)> RepeatedCrossValidate(LabeledData data, IReadOnlyList<string>? labels, TopicTrainingOptions options,
        int folds, int repeats, IProgress<string>? progress = null, CancellationToken cancellationToken = default, bool labeledOnly = false, SentenceEmbeddings? embeddings = null)
    {
        if (repeats < 1)
            throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "at least one repeat");
        // one embedding cache for every repeat: each text is embedded once
        if (options.Embeddings != TopicEmbeddings.None)
            embeddings ??= new SentenceEmbeddings(TopicEmbedding.Embedder(options.Embeddings));
        var results = new List<(int, TopicMetrics)>(repeats);
        for (var r = 0; r < repeats; r++)
        {
            var seeded = options with { Seed = options.Seed + r };
            if (repeats > 1)
                progress?.Report($"repeat {r + 1}/{repeats} (seed {seeded.Seed})");
            results.Add((seeded.Seed, CrossValidate(data, labels, seeded, folds, progress, cancellationToken, labeledOnly, embeddings)));
        }
        return results;
    }

    /// <summary>
    /// Trains on the first (1 - <paramref name="fraction"/>) of the articles in input order and scores the rest.
    /// <paramref name="labeledOnly"/> (multi-label): the split stays where it is, and articles carrying none of the labels
    /// are then left out on both sides (as in the standard ModApte-90 corpus of Yang &amp; Liu 1999).
    /// </summary>
    public static TopicMetrics HoldOut(LabeledData data, IReadOnlyList<string>? labels, TopicTrainingOptions options, double fraction,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default, bool labeledOnly = false, SentenceEmbeddings? embeddings = null)
    {
        if (fraction is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "the held-out fraction must be between 0 and 1");
        var labelSet = (labels ?? data.DistinctLabels()).ToArray();
        var articles = Restrict(data, labelSet);
        var trainCount = (int)Math.Round(articles.Count * (1 - fraction));
        if (trainCount < 1 || trainCount >= articles.Count)
            throw new LabeledDataException($"a held-out fraction of {fraction} leaves no training or no test articles among {articles.Count}");
        IReadOnlyList<LabeledArticle> train = articles.Take(trainCount).ToList();
        IReadOnlyList<LabeledArticle> test = articles.Skip(trainCount).ToList();
        if (labeledOnly && data.MultiLabel)
        {
            train = WithAnyLabel(train, labelSet);
            test = WithAnyLabel(test, labelSet);
            if (train.Count == 0 || test.Count == 0)
                throw new LabeledDataException($"the {(train.Count == 0 ? "training" : "held-out")} part has no article carrying any of the labels to evaluate");
        }
        var cleaner = new ArticleCleaner(options.Clean);
        embeddings = EmbedAll(options, [.. train, .. test], cleaner, embeddings, progress, cancellationToken);
        var model = new TopicEstimator(options, embeddings).Fit(new LabeledData(train, data.MultiLabel), labelSet, requireSamples: false, progress, cancellationToken);
        return Score(labelSet, data.MultiLabel, test, Predict(model, test, cleaner, embeddings, cancellationToken));
    }

    private static IReadOnlyList<LabeledArticle> Restrict(LabeledData data, string[] labelSet) =>
        data.MultiLabel ? data.Articles : data.Articles.Where(a => labelSet.Contains(a.Labels[0], StringComparer.Ordinal)).ToList();

    private static List<LabeledArticle> WithAnyLabel(IReadOnlyList<LabeledArticle> articles, IReadOnlyList<string> labelSet)
    {
        var set = labelSet.ToHashSet(StringComparer.Ordinal);
        return articles.Where(a => a.Labels.Any(set.Contains)).ToList();
    }

    /// <summary>
    /// With sentence embeddings: every article embedded once into <paramref name="embeddings"/> (a new cache when null),
    /// so the folds only read it; returns the cache (null without embeddings).
    /// </summary>
    private static SentenceEmbeddings? EmbedAll(TopicTrainingOptions options, IReadOnlyList<LabeledArticle> articles, ArticleCleaner cleaner,
        SentenceEmbeddings? embeddings, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (options.Embeddings == TopicEmbeddings.None)
            return embeddings;
        embeddings ??= new SentenceEmbeddings(TopicEmbedding.Embedder(options.Embeddings));
        progress?.Report($"sentence embeddings ({embeddings.Embedder.Name}) of {articles.Count:N0} articles");
        var texts = new string[articles.Count][];
        Parallel.For(0, articles.Count, new ParallelOptions { CancellationToken = cancellationToken },
            i => texts[i] = TopicEmbeddingTexts.Texts(cleaner.Clean(articles[i].Article), options.EmbeddingText));
        TopicEmbeddingTexts.Embed(embeddings, texts, cancellationToken);
        return embeddings;
    }

    /// <summary>A prediction (no minimum confidence) and the model's top label with its score, assigned or not.</summary>
    private sealed record Scored(TopicPrediction Prediction, string TopLabel, double TopScore);

    private static IReadOnlyList<Scored> Predict(TopicModel model, IReadOnlyList<LabeledArticle> articles, ArticleCleaner cleaner, SentenceEmbeddings? embeddings,
        CancellationToken cancellationToken)
    {
        var result = new Scored[articles.Count];
        var vectors = model.Embeddings == TopicEmbeddings.None ? null
            : model.Embed(articles.Select(a => cleaner.Clean(a.Article)).ToList(), embeddings, cancellationToken);
        Parallel.For(0, articles.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new TextAnalyzer(model.Analysis),
            (i, _, analyzer) =>
            {
                var features = model.Featurize(cleaner.Clean(articles[i].Article), analyzer, vectors?[i]);
                var scores = model.Scores(features);
                var top = 0;
                for (var l = 1; l < scores.Length; l++)
                {
                    if (scores[l] > scores[top])
                        top = l;
                }
                result[i] = new Scored(model.Predict(features, minConfidence: 0), model.Labels[top], scores[top]);
                return analyzer;
            },
            _ => { });
        return result;
    }

    private static TopicMetrics Score(IReadOnlyList<string> labels, bool multiLabel, IReadOnlyList<LabeledArticle> articles, IReadOnlyList<Scored> predictions)
    {
        var reliability = ReliabilityTable.From(articles.Select((a, i) => (predictions[i].TopScore, a.Labels.Contains(predictions[i].TopLabel, StringComparer.Ordinal))).ToList());
        if (multiLabel)
        {
            return TopicMetrics.MultiLabelSets(labels,
                articles.Select(a => a.Labels).ToList(),
                predictions.Select(p => (IReadOnlyList<string>)p.Prediction.Labels.Select(l => l.Label).ToList()).ToList(),
                reliability);
        }
        var metrics = TopicMetrics.SingleLabel(labels,
            articles.Select(a => a.Labels[0]).ToList(),
            predictions.Select(p => p.Prediction.Labels[0].Label).ToList(),
            reliability);
        metrics.Misses = articles.Select((a, i) => (a, p: predictions[i]))
            .Where(x => !string.Equals(x.a.Labels[0], x.p.Prediction.Labels[0].Label, StringComparison.Ordinal))
            .Select(x => new TopicMiss(x.a.Article.Id, x.a.Article.Title, x.a.Labels[0], x.p.Prediction.Labels[0].Label, x.p.TopScore))
            .ToList();
        return metrics;
    }
}
