using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Classification.Topic;

/// <summary>
/// The untrained topic stage: cleans and analyzes the labeled articles, fits the TF-IDF vocabulary, and trains a
/// Microsoft.ML linear model per <see cref="TopicTrainingOptions"/>. Single-label data gives one multiclass model
/// (maximum entropy) or one-vs-rest SVMs; multi-label data one binary model per label with a decision threshold
/// each (tuned by inner cross-validation when <see cref="TopicTrainingOptions.ThresholdFolds"/> &gt; 0).
/// </summary>
public sealed class TopicEstimator(TopicTrainingOptions options)
{
    public TopicTrainingOptions Options { get; } = options;

    /// <summary>
    /// Trains on <paramref name="data"/>. <paramref name="labels"/> restricts the label set (multi-label: other labels
    /// are ignored; single-label: articles with other labels are left out); every label in it needs a sample.
    /// </summary>
    public TopicModel Fit(LabeledData data, IReadOnlyList<string>? labels = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        Fit(data, labels, requireSamples: true, progress, cancellationToken);

    internal TopicModel Fit(LabeledData data, IReadOnlyList<string>? labels, bool requireSamples, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var labelSet = (labels ?? data.DistinctLabels()).Distinct(StringComparer.Ordinal).ToArray();
        var articles = data.MultiLabel
            ? data.Articles
            : data.Articles.Where(a => labelSet.Contains(a.Labels[0], StringComparer.Ordinal)).ToList();
        if (articles.Count == 0)
            throw new LabeledDataException("no training articles carry any of the labels to train");
        if (!data.MultiLabel && labelSet.Length < 2)
            throw new LabeledDataException($"single-label training needs at least two classes; found only {string.Join(", ", labelSet.Select(l => $"'{l}'"))}");
        var labelIndex = labelSet.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var counts = new int[labelSet.Length];
        foreach (var a in articles)
        {
            foreach (var l in a.Labels)
            {
                if (labelIndex.TryGetValue(l, out var i))
                    counts[i]++;
            }
        }
        if (requireSamples)
        {
            var empty = labelSet.Where((_, i) => counts[i] == 0).ToArray();
            if (empty.Length > 0)
                throw new LabeledDataException($"no training samples for the class{(empty.Length > 1 ? "es" : "")} {string.Join(", ", empty.Select(l => $"'{l}'"))}");
        }

        progress?.Report($"analyzing {articles.Count:N0} articles");
        var analysis = Options.Analysis();
        var terms = Analyze(articles, analysis, cancellationToken);
        var statistics = CorpusStatistics.Empty.Add(terms);
        var vocabulary = new TfIdfEstimator(new VectorizeOptions
        {
            SublinearTf = Options.SublinearTf,
            SmoothIdf = true,
            MinDocumentFrequency = Options.MinDocumentFrequency,
        }).Fit(statistics);
        var vectors = terms.Select(vocabulary.Transform).ToArray();
        cancellationToken.ThrowIfCancellationRequested();
        var dimension = Math.Max(1, vocabulary.Terms.Count);
        if (vocabulary.Terms.Count == 0)
            throw new LabeledDataException("the training articles have no terms left after analysis (empty texts, or all stop words)");

        progress?.Report($"training {Options.Trainer} on {vectors.Length:N0} articles, {vocabulary.Terms.Count:N0} terms, {labelSet.Length} labels");
        if (!data.MultiLabel && Options.Trainer is not (TopicTrainer.LinearSvm or TopicTrainer.LinearSvmDcd))
        {
            var classes = articles.Select(a => labelIndex[a.Labels[0]]).ToArray();
            var (weights, biases) = LinearTrainers.Multiclass(vectors, classes, labelSet.Length, dimension, Options);
            return new TopicModel(labelSet, false, TopicScoring.Softmax, Options.Trainer.ToString(), analysis, vocabulary,
                weights, biases, Fill(labelSet.Length, (float)Options.DecisionThreshold));
        }

        var targets = labelSet.Select(label => articles.Select(a => a.Labels.Contains(label, StringComparer.Ordinal)).ToArray()).ToArray();
        var (w, b) = OneVersusRest(vectors, targets, dimension, progress, cancellationToken);
        var thresholds = data.MultiLabel && Options.ThresholdFolds > 1
            ? TuneThresholds(vectors, targets, dimension, progress, cancellationToken)
            : Fill(labelSet.Length, (float)Options.DecisionThreshold);
        return new TopicModel(labelSet, data.MultiLabel, TopicScoring.Sigmoid, Options.Trainer.ToString(), analysis, vocabulary, w, b, thresholds);
    }

    private static List<string>[] Analyze(IReadOnlyList<LabeledArticle> articles, AnalysisOptions analysis, CancellationToken cancellationToken)
    {
        var terms = new List<string>[articles.Count];
        Parallel.For(0, articles.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => (Cleaner: new ArticleCleaner(new CleanOptions()), Analyzer: new TextAnalyzer(analysis)),
            (i, _, stage) =>
            {
                terms[i] = [.. stage.Analyzer.Analyze(stage.Cleaner.Clean(articles[i].Article)).Terms];
                return stage;
            },
            _ => { });
        return terms;
    }

    /// <summary>One binary model per label, trained in parallel (each single-threaded, so the result does not depend on scheduling).</summary>
    private (float[] Weights, float[] Biases) OneVersusRest(IReadOnlyList<SparseVector> vectors, bool[][] targets, int dimension, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var labelCount = targets.Length;
        var weights = new float[(long)dimension * labelCount];
        var biases = new float[labelCount];
        var done = 0;
        Parallel.For(0, labelCount, new ParallelOptions { CancellationToken = cancellationToken }, l =>
        {
            if (!targets[l].Contains(true))
            {
                // No positive sample (possible inside cross-validation folds): a label that is never assigned.
                biases[l] = -20;
            }
            else
            {
                var ratio = Options.NbScaling ? LogCountRatio(vectors, targets[l], dimension) : null;
                var rows = ratio is null ? vectors : vectors.Select(v => Scaled(v, ratio)).ToArray();
                var (w, b) = LinearTrainers.Binary(rows, targets[l], dimension, Options);
                if (ratio is not null && Options.NbInterpolation < 1)
                {
                    var beta = Options.NbInterpolation;
                    var mean = w.Average(x => Math.Abs(x));
                    for (var f = 0; f < dimension; f++)
                        w[f] = (float)((1 - beta) * mean + beta * w[f]);
                }
                for (var f = 0; f < dimension; f++)
                    weights[(long)f * labelCount + l] = ratio is null ? w[f] : w[f] * ratio[f];
                biases[l] = b;
            }
            var n = Interlocked.Increment(ref done);
            if (labelCount > 5 && n % 10 == 0)
                progress?.Report($"trained {n}/{labelCount} labels");
        });
        return (weights, biases);
    }

    /// <summary>
    /// The NB log-count ratio of every feature for one binary problem (Wang &amp; Manning 2012), with α = 1:
    /// r = log((p/|p|₁)/(q/|q|₁)), p = α + the feature's summed values over the positive rows, q over the negative ones.
    /// </summary>
    internal static float[] LogCountRatio(IReadOnlyList<SparseVector> vectors, bool[] positive, int dimension)
    {
        const double alpha = 1;
        var p = new double[dimension];
        var q = new double[dimension];
        for (var i = 0; i < vectors.Count; i++)
        {
            var target = positive[i] ? p : q;
            var v = vectors[i];
            for (var j = 0; j < v.Count; j++)
                target[v.Indices[j]] += v.Values[j];
        }
        double pSum = 0, qSum = 0;
        for (var f = 0; f < dimension; f++)
        {
            p[f] += alpha;
            q[f] += alpha;
            pSum += p[f];
            qSum += q[f];
        }
        var r = new float[dimension];
        for (var f = 0; f < dimension; f++)
            r[f] = (float)Math.Log(p[f] / pSum / (q[f] / qSum));
        return r;
    }

    private static SparseVector Scaled(SparseVector v, float[] ratio)
    {
        var values = new float[v.Count];
        for (var j = 0; j < v.Count; j++)
            values[j] = v.Values[j] * ratio[v.Indices[j]];
        return new SparseVector(v.Indices, values);
    }

    /// <summary>
    /// Per-label thresholds from out-of-fold scores on the training data (SCut with a fallback, after Yang 2001): the
    /// score that maximizes the label's F1, placed midway to the next score, kept within 0.3..0.7. A label with fewer
    /// than 5 positives, or whose best out-of-fold F1 is below 0.5, keeps the default threshold: a threshold fitted to
    /// a handful of low scores would fire on many unrelated articles.
    /// </summary>
    private float[] TuneThresholds(SparseVector[] vectors, bool[][] targets, int dimension, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var labelCount = targets.Length;
        var folds = Folds.Shuffled(vectors.Length, Options.ThresholdFolds, Options.Seed);
        var scores = new double[labelCount][];
        for (var l = 0; l < labelCount; l++)
            scores[l] = new double[vectors.Length];
        for (var k = 0; k < Options.ThresholdFolds; k++)
        {
            progress?.Report($"tuning thresholds: fold {k + 1}/{Options.ThresholdFolds}");
            var train = Enumerable.Range(0, vectors.Length).Where(i => folds[i] != k).ToArray();
            var test = Enumerable.Range(0, vectors.Length).Where(i => folds[i] == k).ToArray();
            var (w, b) = OneVersusRest(train.Select(i => vectors[i]).ToArray(), targets.Select(t => train.Select(i => t[i]).ToArray()).ToArray(), dimension, null, cancellationToken);
            foreach (var i in test)
            {
                for (var l = 0; l < labelCount; l++)
                {
                    double s = b[l];
                    var v = vectors[i];
                    for (var j = 0; j < v.Count; j++)
                        s += (double)v.Values[j] * w[(long)v.Indices[j] * labelCount + l];
                    scores[l][i] = 1 / (1 + Math.Exp(-s));
                }
            }
        }
        var thresholds = new float[labelCount];
        for (var l = 0; l < labelCount; l++)
            thresholds[l] = BestThreshold(scores[l], targets[l], (float)Options.DecisionThreshold);
        return thresholds;
    }

    internal static float BestThreshold(double[] scores, bool[] positive, float fallback)
    {
        var totalPositive = positive.Count(p => p);
        if (totalPositive < MinPositivesToTune)
            return fallback;
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        int tp = 0, fp = 0;
        var best = -1.0;
        var threshold = fallback;
        for (var r = 0; r < order.Length; r++)
        {
            if (positive[order[r]])
                tp++;
            else
                fp++;
            if (r + 1 < order.Length && scores[order[r + 1]] == scores[order[r]])
                continue;
            var f1 = 2.0 * tp / (2 * tp + fp + (totalPositive - tp));
            if (f1 > best)
            {
                best = f1;
                var next = r + 1 < order.Length ? scores[order[r + 1]] : 0;
                threshold = (float)((scores[order[r]] + next) / 2);
            }
        }
        return best < MinF1ToTune ? fallback : Math.Clamp(threshold, 0.3f, 0.7f);
    }

    private const int MinPositivesToTune = 5;
    private const double MinF1ToTune = 0.5;

    private static float[] Fill(int count, float value)
    {
        var a = new float[count];
        Array.Fill(a, value);
        return a;
    }
}
