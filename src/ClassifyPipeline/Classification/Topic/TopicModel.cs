using System.Text;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Classification.Topic;

/// <summary>
/// A trained topic model: the analyzer settings and TF-IDF vocabulary it was trained with, and one linear
/// scorer per label (weights and bias), plus a decision threshold per label for multi-label models and the score from
/// which a multi-label model still assigns its top label when no label reaches its threshold.
/// Immutable and thread-safe; <see cref="Save"/> and <see cref="Load"/> round-trip it exactly.
/// </summary>
public sealed partial class TopicModel
{
    public const int FormatVersion = 7;

    /// <summary>The oldest format version that still loads (uncalibrated scores, the default clean settings).</summary>
    public const int OldestReadableVersion = 3;

    /// <summary>A <see cref="FallbackThreshold"/> that no score reaches: an article may get no label.</summary>
    public const float NoFallback = float.PositiveInfinity;


    private readonly string[] _labels;
    private readonly float[] _weights; // row-major by feature: _weights[feature * labelCount + label]
    private readonly float[] _biases;
    private readonly float[] _thresholds;
    private readonly float[] _scales;
    private readonly float[] _offsets;

    public TopicModel(
        IReadOnlyList<string> labels, bool multiLabel, TopicScoring scoring, string trainer,
        AnalysisOptions analysis, TfIdfModel vocabulary, float[] weights, float[] biases, float[] thresholds,
        float fallbackThreshold = NoFallback, float leadWeight = 0,
        float[]? scales = null, float[]? offsets = null, bool calibrated = false, CleanOptions? clean = null,
        float topScale = 1, float topOffset = 0, TopicEmbeddings embeddings = TopicEmbeddings.None, float embeddingWeight = 0,
        TopicEmbeddingText embeddingText = TopicEmbeddingText.Lead)
    {
        if (!Enum.IsDefined(embeddingText))
            throw new ArgumentOutOfRangeException(nameof(embeddingText), embeddingText, "unknown embedding text");
        if (!float.IsFinite(embeddingWeight) || embeddingWeight < 0)
            throw new ArgumentOutOfRangeException(nameof(embeddingWeight), embeddingWeight, "the embedding weight must be 0 or more");
        var embeddingDimension = TopicEmbedding.Dimension(embeddings);
        if (!float.IsFinite(topScale) || topScale <= 0 || !float.IsFinite(topOffset))
            throw new ArgumentException("the top-score calibration must be finite with a positive scale");
        scales ??= Enumerable.Repeat(1f, labels.Count).ToArray();
        offsets ??= new float[labels.Count];
        if (scales.Length != labels.Count || offsets.Length != labels.Count)
            throw new ArgumentException("the calibration scales and offsets do not match the labels");
        if (scales.Any(a => !float.IsFinite(a) || a <= 0) || offsets.Any(b => !float.IsFinite(b)))
            throw new ArgumentException("calibration scales must be finite and positive, offsets finite");
        if (!float.IsFinite(leadWeight) || leadWeight < 0)
            throw new ArgumentOutOfRangeException(nameof(leadWeight), leadWeight, "the lead weight must be 0 or more");
        if (float.IsNaN(fallbackThreshold) || fallbackThreshold < 0)
            throw new ArgumentOutOfRangeException(nameof(fallbackThreshold), fallbackThreshold, "the fallback threshold must be a score of 0 or more");
        if (labels.Count == 0)
            throw new ArgumentException("a topic model needs at least one label", nameof(labels));
        if (weights.Length != ((long)vocabulary.Terms.Count + embeddingDimension) * labels.Count || biases.Length != labels.Count || thresholds.Length != labels.Count)
            throw new ArgumentException("weights, biases and thresholds do not match the vocabulary and labels");
        _labels = [.. labels];
        MultiLabel = multiLabel;
        Scoring = scoring;
        Trainer = trainer;
        Analysis = analysis;
        Vocabulary = vocabulary;
        _weights = weights;
        _biases = biases;
        _thresholds = thresholds;
        FallbackThreshold = fallbackThreshold;
        LeadWeight = leadWeight;
        _scales = scales;
        _offsets = offsets;
        Calibrated = calibrated;
        Clean = clean ?? new CleanOptions();
        TopScale = topScale;
        TopOffset = topOffset;
        Embeddings = embeddings;
        EmbeddingWeight = embeddingWeight;
        EmbeddingText = embeddingText;
        EmbeddingDimension = embeddingDimension;
    }

    /// <summary>The sentence embedding appended to the TF-IDF features (<see cref="TopicFeatures.WithEmbedding"/>); none for models before format 6.</summary>
    public TopicEmbeddings Embeddings { get; }

    /// <summary>The embedding block's weight against the L2-normalized TF-IDF vector (0 without embeddings).</summary>
    public float EmbeddingWeight { get; }

    /// <summary>What of an article the encoder reads (<see cref="TopicEmbeddingTexts"/>); the lead for models before format 7.</summary>
    public TopicEmbeddingText EmbeddingText { get; }

    /// <summary>The embedding block's length, after the vocabulary's features (0 without embeddings).</summary>
    public int EmbeddingDimension { get; }

    /// <summary>
    /// Single-label: the top score p becomes σ(TopScale · logit p + TopOffset), fitted on out-of-fold top scores against
    /// whether the top label was right (1 and 0: unchanged); the other labels share what is left in proportion.
    /// One temperature over one-vs-rest SVM margins leaves the middle scores under-confident and the highest
    /// over-confident; this second step fixes both, and never changes which label is on top.
    /// </summary>
    public float TopScale { get; }

    /// <summary>See <see cref="TopScale"/>.</summary>
    public float TopOffset { get; }

    public IReadOnlyList<string> Labels => _labels;

    public bool MultiLabel { get; }

    public TopicScoring Scoring { get; }

    /// <summary>The trainer the weights came from (informational).</summary>
    public string Trainer { get; }

    public AnalysisOptions Analysis { get; }

    public TfIdfModel Vocabulary { get; }

    public IReadOnlyList<float> Thresholds => _thresholds;

    /// <summary>
    /// Multi-label only: when no label reaches its threshold, the top label is still assigned if its score is at least
    /// this (0: every article gets at least one label; <see cref="NoFallback"/>: never).
    /// </summary>
    public float FallbackThreshold { get; }

    /// <summary>How many times the lead's TF-IDF vector is added to the article's (see <see cref="TopicFeatures"/>); 0: not at all.</summary>
    public float LeadWeight { get; }

    /// <summary>Whether the scores were calibrated on out-of-fold scores (probabilities), or are the raw logistic / softmax of the linear scores.</summary>
    public bool Calibrated { get; }

    /// <summary>Each label's linear score is multiplied by this before the softmax or logistic (calibration; 1 when uncalibrated).</summary>
    public IReadOnlyList<float> Scales => _scales;

    /// <summary>… and then this is added (Platt's offset; 0 when uncalibrated or single-label).</summary>
    public IReadOnlyList<float> Offsets => _offsets;

    /// <summary>How the articles were cleaned in training: prediction should clean them the same way.</summary>
    public CleanOptions Clean { get; }

    /// <summary>
    /// The feature vector of an article as the model sees it; a model with <see cref="Embeddings"/> needs the
    /// article's sentence embedding (<see cref="Embed"/>).
    /// </summary>
    public SparseVector Featurize(CleanArticle article, TextAnalyzer analyzer, float[]? embedding = null)
    {
        if (Embeddings != TopicEmbeddings.None && embedding?.Length != EmbeddingDimension)
            throw new ArgumentException($"this model needs the article's {TopicEmbedding.Name(Embeddings)} embedding ({EmbeddingDimension} numbers)", nameof(embedding));
        var (terms, lead) = TopicFeatures.Analyze(article, analyzer, LeadWeight);
        var tfidf = TopicFeatures.Vector(Vocabulary, terms, lead, LeadWeight);
        return Embeddings == TopicEmbeddings.None ? tfidf : TopicFeatures.WithEmbedding(tfidf, Vocabulary.Terms.Count, embedding, EmbeddingWeight);
    }

    /// <summary>
    /// The sentence embeddings of the articles when the model uses them (null otherwise), from <paramref name="cache"/>
    /// when given (it must hold the model's encoder), else from the process-wide encoder.
    /// </summary>
    public float[][]? Embed(IReadOnlyList<CleanArticle> articles, SentenceEmbeddings? cache = null, CancellationToken cancellationToken = default)
    {
        if (Embeddings == TopicEmbeddings.None)
            return null;
        cache ??= new SentenceEmbeddings(TopicEmbedding.Embedder(Embeddings));
        if (cache.Embedder.Name != TopicEmbedding.Name(Embeddings))
            throw new ArgumentException($"the model uses {TopicEmbedding.Name(Embeddings)} embeddings, not {cache.Embedder.Name}", nameof(cache));
        return TopicEmbeddingTexts.Embed(cache, articles.Select(a => TopicEmbeddingTexts.Texts(a, EmbeddingText)).ToArray(), cancellationToken);
    }

    /// <summary>The 0..1 score of every label (see <see cref="Scoring"/>), in <see cref="Labels"/> order.</summary>
    public double[] Scores(SparseVector features)
    {
        var count = _labels.Length;
        var raw = new double[count];
        for (var l = 0; l < count; l++)
            raw[l] = _biases[l];
        var indices = features.Indices;
        var values = features.Values;
        for (var k = 0; k < indices.Length; k++)
        {
            var row = _weights.AsSpan(indices[k] * count, count);
            var x = (double)values[k];
            for (var l = 0; l < row.Length; l++)
                raw[l] += x * row[l];
        }
        for (var l = 0; l < count; l++)
            raw[l] = _scales[l] * raw[l] + _offsets[l];
        if (Scoring == TopicScoring.Softmax)
        {
            var max = double.NegativeInfinity;
            foreach (var r in raw)
                max = Math.Max(max, r);
            double sum = 0;
            for (var l = 0; l < count; l++)
            {
                raw[l] = Math.Exp(raw[l] - max);
                sum += raw[l];
            }
            for (var l = 0; l < count; l++)
                raw[l] /= sum;
            if (TopScale != 1 || TopOffset != 0)
                RecalibrateTop(raw, TopScale, TopOffset);
        }
        else
        {
            for (var l = 0; l < count; l++)
                raw[l] = 1 / (1 + Math.Exp(-raw[l]));
        }
        return raw;
    }

    /// <summary>
    /// The prediction for one feature vector. Single-label: the top label and its score. Multi-label: every label
    /// whose score reaches its threshold, best first. The top label is reported as null (uncertain) when its score is
    /// below <paramref name="minConfidence"/>; the labels and scores are kept either way.
    /// </summary>
    public TopicPrediction Predict(SparseVector features, double minConfidence)
    {
        var scores = Scores(features);
        var top = 0;
        for (var l = 1; l < scores.Length; l++)
        {
            if (scores[l] > scores[top])
                top = l;
        }
        if (!MultiLabel)
        {
            var label = scores[top] >= minConfidence ? _labels[top] : null;
            return new TopicPrediction(label, [new LabelScore(_labels[top], scores[top])], scores[top]);
        }
        var assigned = new List<LabelScore>();
        for (var l = 0; l < scores.Length; l++)
        {
            if (scores[l] >= _thresholds[l])
                assigned.Add(new LabelScore(_labels[l], scores[l]));
        }
        if (assigned.Count == 0 && scores[top] >= FallbackThreshold)
            assigned.Add(new LabelScore(_labels[top], scores[top]));
        assigned.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Label, b.Label));
        var first = assigned.Count > 0 && assigned[0].Score >= minConfidence ? assigned[0].Label : null;
        return new TopicPrediction(first, assigned, scores[top]);
    }

    /// <summary>Predictions for cleaned articles, in the order given (parallel, one analyzer per thread).</summary>
    public IReadOnlyList<TopicPrediction> Predict(IReadOnlyList<CleanArticle> articles, double minConfidence, CancellationToken cancellationToken, SentenceEmbeddings? embeddings = null)
    {
        var vectors = Embed(articles, embeddings, cancellationToken);
        var result = new TopicPrediction[articles.Count];
        Parallel.For(0, articles.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new TextAnalyzer(Analysis),
            (i, _, analyzer) =>
            {
                result[i] = Predict(Featurize(articles[i], analyzer, vectors?[i]), minConfidence);
                return analyzer;
            },
            _ => { });
        return result;
    }

    /// <summary>Applies the top-score calibration to softmax probabilities in place (see <see cref="TopScale"/>).</summary>
    internal static void RecalibrateTop(double[] p, double a, double b)
    {
        if (p.Length < 2)
            return;
        int top = 0, second = -1;
        for (var l = 1; l < p.Length; l++)
        {
            if (p[l] > p[top])
                top = l;
        }
        for (var l = 0; l < p.Length; l++)
        {
            if (l != top && (second < 0 || p[l] > p[second]))
                second = l;
        }
        var q = Math.Clamp(p[top], 1e-9, 1 - 1e-9);
        var calibrated = 1 / (1 + Math.Exp(-(a * Math.Log(q / (1 - q)) + b)));
        // the top label stays on top: its share is at least what the runner-up gets after the rescaling
        calibrated = Math.Max(calibrated, p[second] / (1 - q + p[second]));
        var rest = (1 - calibrated) / (1 - q);
        for (var l = 0; l < p.Length; l++)
            p[l] = l == top ? calibrated : p[l] * rest;
    }
}
