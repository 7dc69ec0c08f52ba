using ClassifyPipeline.IO;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Classification.Topic;

/// <summary>
/// The untrained topic stage: cleans and analyzes the labeled articles, fits the TF-IDF vocabulary, and trains a
/// Microsoft.ML linear model per <see cref="TopicTrainingOptions"/>. Single-label data gives one multiclass model
/// (maximum entropy) or one-vs-rest SVMs; multi-label data one binary model per label with a decision threshold
/// each (tuned by inner cross-validation when <see cref="TopicTrainingOptions.ThresholdFolds"/> &gt; 0). With
/// <see cref="TopicTrainingOptions.Embeddings"/>, each article's sentence embedding is appended to its TF-IDF vector;
/// <paramref name="embeddings"/> (e.g. shared by the folds of a cross-validation) encodes each text once.
/// </summary>
public sealed class TopicEstimator(TopicTrainingOptions options, SentenceEmbeddings? embeddings = null)
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

        if (Options.NbScaling && Options.Embeddings != TopicEmbeddings.None)
            throw new ArgumentException("NB scaling needs non-negative (TF-IDF) features; it cannot be combined with sentence embeddings", nameof(Options));
        progress?.Report($"analyzing {articles.Count:N0} articles");
        var analysis = Options.Analysis();
        var (terms, texts) = Analyze(articles, Options.Clean, analysis, Options.LeadWeight, Options.Embeddings == TopicEmbeddings.None ? null : Options.EmbeddingText, cancellationToken);
        var embedded = Embed(texts, progress, cancellationToken);
        var vocabulary = FitVocabulary(terms.Select(t => t.Terms));
        var vectors = Vectors(vocabulary, terms, embedded);
        cancellationToken.ThrowIfCancellationRequested();
        var embeddingDimension = TopicEmbedding.Dimension(Options.Embeddings);
        var dimension = Math.Max(1, vocabulary.Terms.Count + embeddingDimension);
        if (vocabulary.Terms.Count == 0)
            throw new LabeledDataException("the training articles have no terms left after analysis (empty texts, or all stop words)");

        progress?.Report($"training {Options.Trainer} on {vectors.Length:N0} articles, {vocabulary.Terms.Count:N0} terms{(embeddingDimension > 0 ? $" + {embeddingDimension} {TopicEmbedding.Name(Options.Embeddings)} dimensions" : "")}, {labelSet.Length} labels");
        var embeddingWeight = Options.EffectiveEmbeddingWeight;
        var trainer = Options.Trainer.ToString();
        var oofFolds = Math.Min(Math.Max(Options.CalibrationFolds, data.MultiLabel ? Options.ThresholdFolds : 0), vectors.Length);
        var clean = Options.Clean;
        if (!data.MultiLabel)
        {
            var classes = articles.Select(a => labelIndex[a.Labels[0]]).ToArray();
            var multinomial = Options.Trainer is not (TopicTrainer.LinearSvm or TopicTrainer.LinearSvmDcd);
            var targetsSingle = multinomial ? null : labelSet.Select((_, l) => classes.Select(c => c == l).ToArray()).ToArray();
            (float[] W, float[] B) Train(SparseVector[] x, int dim, int[] rows) => multinomial
                ? LinearTrainers.Multiclass(rows.Select(i => x[i]).ToArray(), rows.Select(i => classes[i]).ToArray(), labelSet.Length, dim, Options)
                : OneVersusRest(rows.Select(i => x[i]).ToArray(), targetsSingle!.Select(t => rows.Select(i => t[i]).ToArray()).ToArray(), dim, null, cancellationToken);
            var (weights, biases) = Train(vectors, dimension, Enumerable.Range(0, vectors.Length).ToArray());
            var thresholdsSingle = Fill(labelSet.Length, (float)Options.DecisionThreshold);
            if (Options.CalibrationFolds < 2 || oofFolds < 2)
            {
                return new TopicModel(labelSet, false, multinomial ? TopicScoring.Softmax : TopicScoring.Sigmoid, trainer, analysis, vocabulary,
                    weights, biases, thresholdsSingle, leadWeight: Options.LeadWeight, clean: clean, embeddings: Options.Embeddings, embeddingWeight: embeddingWeight, embeddingText: Options.EmbeddingText);
            }
            var folds = Folds.Stratified(classes.Select(c => labelSet[c]).ToArray(), oofFolds, Options.Seed);
            var margins = OutOfFoldMargins(terms, embedded, folds, oofFolds, labelSet.Length, Train, progress, cancellationToken);
            var rowsMargins = Enumerable.Range(0, vectors.Length).Select(i => margins.Select(m => m[i]).ToArray()).ToArray();
            var scale = (float)TemperatureScaling.Fit(rowsMargins, classes);
            var (topScale, topOffset) = TopScoreCalibration.Fit(rowsMargins, classes, scale);
            progress?.Report($"calibrated: softmax of {scale.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} × the scores, top score σ({topScale.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} logit p {topOffset.ToString("+0.###;-0.###", System.Globalization.CultureInfo.InvariantCulture)}) ({oofFolds} folds)");
            return new TopicModel(labelSet, false, TopicScoring.Softmax, trainer, analysis, vocabulary, weights, biases, thresholdsSingle,
                leadWeight: Options.LeadWeight, scales: Fill(labelSet.Length, scale), offsets: new float[labelSet.Length], calibrated: true, clean: clean,
                topScale: topScale, topOffset: topOffset, embeddings: Options.Embeddings, embeddingWeight: embeddingWeight, embeddingText: Options.EmbeddingText);
        }

        var targets = labelSet.Select(label => articles.Select(a => a.Labels.Contains(label, StringComparer.Ordinal)).ToArray()).ToArray();
        var (w, b) = OneVersusRest(vectors, targets, dimension, progress, cancellationToken);
        if (Options.Fallback == TopLabelFallback.Tuned && Options.ThresholdFolds < 2)
            throw new ArgumentException("a tuned top-label fallback needs threshold folds (2 or more)", nameof(Options));
        var thresholds = Fill(labelSet.Length, (float)Options.DecisionThreshold);
        var fallback = Options.Fallback == TopLabelFallback.Always ? 0 : TopicModel.NoFallback;
        var scales = Fill(labelSet.Length, 1);
        var offsets = new float[labelSet.Length];
        var calibrated = false;
        if (oofFolds > 1)
        {
            var folds = Folds.Shuffled(vectors.Length, oofFolds, Options.Seed);
            (float[] W, float[] B) Train(SparseVector[] x, int dim, int[] rows) =>
                OneVersusRest(rows.Select(i => x[i]).ToArray(), targets.Select(t => rows.Select(i => t[i]).ToArray()).ToArray(), dim, null, cancellationToken);
            var scores = OutOfFoldMargins(terms, embedded, folds, oofFolds, labelSet.Length, Train, progress, cancellationToken);
            for (var l = 0; l < labelSet.Length; l++)
            {
                // Platt per label; a label too rare to fit (fewer than 5 positives, or a fit that does not rise with the score) keeps the logistic of its margin.
                var (a, c) = Options.CalibrationFolds > 1 && targets[l].Count(t => t) >= TopicThresholds.MinPositivesToTune ? PlattScaling.Fit(scores[l], targets[l]) : (1, 0);
                if (!(a > 1e-3) || !double.IsFinite(a) || !double.IsFinite(c))
                    (a, c) = (1, 0);
                scales[l] = (float)a;
                offsets[l] = (float)c;
                for (var i = 0; i < scores[l].Length; i++)
                    scores[l][i] = PlattScaling.Probability(scores[l][i], scales[l], offsets[l]);
            }
            calibrated = Options.CalibrationFolds > 1;
            if (Options.ThresholdFolds > 1)
            {
                for (var l = 0; l < labelSet.Length; l++)
                    thresholds[l] = TopicThresholds.BestThreshold(scores[l], targets[l], (float)Options.DecisionThreshold);
                if (Options.ThresholdObjective == ThresholdObjective.MicroF1)
                    TopicThresholds.MicroF1Thresholds(scores, targets, thresholds, rounds: 2);
                if (Options.Fallback == TopLabelFallback.Tuned)
                    fallback = TopicThresholds.BestFallback(scores, targets, thresholds);
            }
        }
        return new TopicModel(labelSet, true, TopicScoring.Sigmoid, trainer, analysis, vocabulary, w, b, thresholds, fallback, Options.LeadWeight,
            scales, offsets, calibrated, clean, embeddings: Options.Embeddings, embeddingWeight: embeddingWeight, embeddingText: Options.EmbeddingText);
    }

    /// <summary>Each article's terms, and with <paramref name="embeddingTexts"/> what the sentence encoder reads of it (else null).</summary>
    private static ((IReadOnlyList<string> Terms, IReadOnlyList<string>? LeadTerms)[] Terms, string[][]? Texts) Analyze(IReadOnlyList<LabeledArticle> articles,
        CleanOptions clean, AnalysisOptions analysis, float leadWeight, TopicEmbeddingText? embeddingText, CancellationToken cancellationToken)
    {
        // One cleaner for all threads (it is thread-safe): its NonBacktracking regexes build their automata lazily,
        // so a cleaner per task replica would relearn them each time. The analyzer holds buffers: one per thread.
        var cleaner = new ArticleCleaner(clean);
        var terms = new (IReadOnlyList<string>, IReadOnlyList<string>?)[articles.Count];
        var texts = embeddingText is null ? null : new string[articles.Count][];
        Parallel.For(0, articles.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new TextAnalyzer(analysis),
            (i, _, analyzer) =>
            {
                var article = cleaner.Clean(articles[i].Article);
                terms[i] = TopicFeatures.Analyze(article, analyzer, leadWeight);
                if (texts is not null)
                    texts[i] = TopicEmbeddingTexts.Texts(article, embeddingText!.Value);
                return analyzer;
            },
            _ => { });
        return (terms, texts);
    }

    /// <summary>The sentence embeddings of the texts (null without embeddings), from the shared cache when there is one.</summary>
    private float[][]? Embed(string[][]? texts, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (texts is null)
            return null;
        var cache = embeddings;
        if (cache is null)
        {
            // no cache from the caller: a report every 10 batches on the training progress
            var lines = progress is null ? null : new SynchronousProgress<RunProgress>(p =>
            {
                if (p.Done == p.Total || p.Done % 320 == 0)
                    progress.Report($"embedding {p.Done:N0}/{p.Total:N0} texts ({TopicEmbedding.Name(Options.Embeddings)})");
            });
            cache = new SentenceEmbeddings(TopicEmbedding.Embedder(Options.Embeddings), lines);
        }
        else if (cache.Embedder.Name != TopicEmbedding.Name(Options.Embeddings))
        {
            throw new ArgumentException($"the embedding cache holds {cache.Embedder.Name} embeddings, not {TopicEmbedding.Name(Options.Embeddings)}");
        }
        return TopicEmbeddingTexts.Embed(cache, texts, cancellationToken);
    }

    /// <summary>Every article's features: its TF-IDF vector in <paramref name="vocabulary"/>, then its weighted embedding.</summary>
    private SparseVector[] Vectors(TfIdfModel vocabulary, (IReadOnlyList<string> Terms, IReadOnlyList<string>? LeadTerms)[] terms, float[][]? embedded) =>
        terms.Select((t, i) => TopicFeatures.WithEmbedding(TopicFeatures.Vector(vocabulary, t.Terms, t.LeadTerms, Options.LeadWeight),
            vocabulary.Terms.Count, embedded?[i], Options.EffectiveEmbeddingWeight)).ToArray();

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
    /// The linear score of every label (first index) for every training article (second index) from the model
    /// <paramref name="train"/> fits on the other folds: what calibration and thresholds are fitted on.
    /// </summary>
    private double[][] OutOfFoldMargins((IReadOnlyList<string> Terms, IReadOnlyList<string>? LeadTerms)[] terms, float[][]? embedded, int[] folds, int foldCount, int labelCount,
        Func<SparseVector[], int, int[], (float[] W, float[] B)> train, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var scores = new double[labelCount][];
        for (var l = 0; l < labelCount; l++)
            scores[l] = new double[terms.Length];
        for (var k = 0; k < foldCount; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"out-of-fold scores (calibration, thresholds): fold {k + 1}/{foldCount}");
            var trainRows = Enumerable.Range(0, terms.Length).Where(i => folds[i] != k).ToArray();
            // The fold's own vocabulary, as a new article meets it: terms only the held-out articles use are unknown,
            // not known terms with no weight (which would shrink the held-out scores and make calibration overconfident).
            var vocabulary = FitVocabulary(trainRows.Select(i => terms[i].Terms));
            var vectors = Vectors(vocabulary, terms, embedded);
            var (w, b) = train(vectors, Math.Max(1, vocabulary.Terms.Count + TopicEmbedding.Dimension(Options.Embeddings)), trainRows);
            for (var i = 0; i < terms.Length; i++)
            {
                if (folds[i] != k)
                    continue;
                var v = vectors[i];
                for (var l = 0; l < labelCount; l++)
                {
                    double s = b[l];
                    for (var j = 0; j < v.Count; j++)
                        s += (double)v.Values[j] * w[(long)v.Indices[j] * labelCount + l];
                    scores[l][i] = s;
                }
            }
        }
        return scores;
    }

    private TfIdfModel FitVocabulary(IEnumerable<IReadOnlyList<string>> documents) =>
        new TfIdfEstimator(new VectorizeOptions
        {
            SublinearTf = Options.SublinearTf,
            SmoothIdf = true,
            MinDocumentFrequency = Options.MinDocumentFrequency,
        }).Fit(CorpusStatistics.Empty.Add(documents));

    private static float[] Fill(int count, float value)
    {
        var a = new float[count];
        Array.Fill(a, value);
        return a;
    }
}
