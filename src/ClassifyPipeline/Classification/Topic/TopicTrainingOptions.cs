using System.Globalization;
using ClassifyPipeline.Text;

namespace ClassifyPipeline.Classification.Topic;

/// <summary>
/// How a topic model is trained: the features (the project's own analyzer and TF-IDF) and the trainer.
/// Immutable; <see cref="Settings"/> is the string the model cache keys on.
/// </summary>
public sealed record TopicTrainingOptions
{
    public TopicTrainer Trainer { get; init; } = TopicTrainer.LinearSvmDcd;

    /// <summary>Longest word n-gram in the features.</summary>
    public int MaxNGram { get; init; } = 2;

    /// <summary>Terms in fewer training documents are left out of the vocabulary.</summary>
    public int MinDocumentFrequency { get; init; } = 1;

    public bool SublinearTf { get; init; } = true;

    public Stemming Stemming { get; init; } = Stemming.None;

    /// <summary>How many times the title's terms count.</summary>
    public int TitleWeight { get; init; } = 1;

    /// <summary>
    /// How many times the TF-IDF vector of the lead (title and first paragraph) is added to the article's before
    /// normalizing (<see cref="TopicFeatures"/>); 0: the article's vector alone. 0.5 was chosen by 5-fold CV on BBC averaged over ten fold seeds (README).
    /// </summary>
    public float LeadWeight { get; init; } = 0.5f;

    /// <summary>
    /// A pretrained sentence embedding of the title and the start of the text appended to the TF-IDF features
    /// (<see cref="TopicFeatures.WithEmbedding"/>). None here (the library's and <c>classify run</c>'s default: embedding
    /// costs far more than the rest of the stage); <c>classify train topic</c> and <c>eval topic</c> have their own
    /// default (docs/topic.md, sentence embeddings).
    /// </summary>
    public TopicEmbeddings Embeddings { get; init; } = TopicEmbeddings.None;

    /// <summary>
    /// The embedding block's weight against the L2-normalized TF-IDF vector (<see cref="Embeddings"/> only); null: the
    /// encoder's own default (<see cref="TopicEmbedding.DefaultWeight"/>, MiniLM 0.25, arctic-embed-xs 0.5). What is
    /// used: <see cref="EffectiveEmbeddingWeight"/>.
    /// </summary>
    public float? EmbeddingWeight { get; init; }

    /// <summary>The embedding block's weight in the features: <see cref="EmbeddingWeight"/>, else the encoder's default; 0 without embeddings.</summary>
    public float EffectiveEmbeddingWeight => Embeddings == TopicEmbeddings.None ? 0 : EmbeddingWeight ?? TopicEmbedding.DefaultWeight(Embeddings);

    /// <summary>
    /// What of an article the encoder reads (<see cref="Embeddings"/> only): the title and the start of the body, or
    /// the whole body in windows whose embeddings are averaged (<see cref="TopicEmbeddingTexts"/>).
    /// </summary>
    public TopicEmbeddingText EmbeddingText { get; init; } = TopicEmbeddingText.Lead;

    /// <summary>L2 regularization strength given to the trainer (LinearSvm: its lambda; LinearSvmDcd: C = 1/(λ n)); null leaves the trainer's default.</summary>
    public float? L2Regularization { get; init; }

    /// <summary>Passes over the data (SDCA maximum iterations, LinearSvm iterations, LinearSvmDcd maximum passes); null leaves the trainer's default.</summary>
    public int? Iterations { get; init; }

    /// <summary>SDCA: the convergence tolerance (SDCA's default, 0.1, stops long before convergence on TF-IDF features).</summary>
    public float Tolerance { get; init; } = 0.01f;

    /// <summary>LinearSvmDcd: the positive articles' loss counts this many times (C₊ = w·C), for rare labels in one-vs-rest; 1: equal.</summary>
    public float PositiveWeight { get; init; } = 1;

    /// <summary>
    /// NB-SVM feature scaling (Wang &amp; Manning 2012) for the one-vs-rest SVMs: each label's binary problem sees every
    /// feature multiplied by its log-count ratio r = log((p/|p|₁)/(q/|q|₁)), p and q = 1 + the feature's summed
    /// TF-IDF over the positive / negative articles; the saved weights are w ∘ r, so prediction is unchanged.
    /// </summary>
    public bool NbScaling { get; init; }

    /// <summary>NB-SVM interpolation β (Wang &amp; Manning 2012): the scaled-space weights become (1 − β)·mean|w| + β·w; 1 keeps the SVM's weights.</summary>
    public float NbInterpolation { get; init; } = 1;

    /// <summary>Multi-label only: the score at or above which a label is assigned, unless tuned per label.</summary>
    public double DecisionThreshold { get; init; } = 0.5;

    /// <summary>
    /// Multi-label only: tune each label's threshold by this many inner cross-validation folds (0: use
    /// <see cref="DecisionThreshold"/> for all). 5 by default since 2026-12-05: Reuters ModApte-90 micro-F1 0.856 with
    /// fixed thresholds, 0.886 tuned (issue 15).
    /// </summary>
    public int ThresholdFolds { get; init; } = 5;

    /// <summary>
    /// Calibrate the scores on out-of-fold scores from this many inner folds (0: off, the raw logistic / softmax of the
    /// linear scores): single-label models by one softmax scale (<see cref="TemperatureScaling"/>), multi-label models by
    /// Platt scaling per label (<see cref="PlattScaling"/>). Multi-label models use max(this, <see cref="ThresholdFolds"/>) folds for both.
    /// </summary>
    public int CalibrationFolds { get; init; } = 5;

    /// <summary>How articles are cleaned before analysis, in training and (saved in the model) in prediction.</summary>
    public CleanOptions Clean { get; init; } = new();

    /// <summary>
    /// Multi-label only, with <see cref="ThresholdFolds"/>: what the per-label thresholds are tuned for. Micro-F1 by
    /// default: it scored higher than each label's own F1 in cross-validation inside the Reuters training part, with
    /// both fold seeds tried (README, Topic classification).
    /// </summary>
    public ThresholdObjective ThresholdObjective { get; init; } = ThresholdObjective.MicroF1;

    /// <summary>Multi-label only: whether an article that no label's threshold claims still gets its top label (see <see cref="TopLabelFallback"/>).</summary>
    public TopLabelFallback Fallback { get; init; } = TopLabelFallback.Off;

    public int Seed { get; init; } = 42;

    public AnalysisOptions Analysis() => new()
    {
        StopWords = StopWordList.English,
        Stemming = Stemming,
        MaxNGram = MaxNGram,
        TitleWeight = TitleWeight,
        NumberWeight = 1,
        EntityWeight = 1,
    };

    /// <summary>The clean settings as one invariant string (the model cache keys on it).</summary>
    public static string CleanSettings(CleanOptions clean) => string.Join('|',
        clean.Normalization.ToString(),
        clean.TitleSearchLines.ToString(CultureInfo.InvariantCulture),
        clean.TitleMaxWords.ToString(CultureInfo.InvariantCulture),
        "boilerplate[" + string.Join("\u0001", clean.BoilerplatePatterns) + "]",
        "footer[" + string.Join("\u0001", clean.FooterPatterns) + "]");

    /// <summary>Every setting that changes the model, as one invariant string (with the model format version).</summary>
    public string Settings => string.Join(';',
        "topic-model/" + TopicModel.FormatVersion.ToString(CultureInfo.InvariantCulture),
        Trainer.ToString(),
        "ngram=" + MaxNGram.ToString(CultureInfo.InvariantCulture),
        "mindf=" + MinDocumentFrequency.ToString(CultureInfo.InvariantCulture),
        "sublinear=" + SublinearTf,
        "stem=" + Stemming,
        "title=" + TitleWeight.ToString(CultureInfo.InvariantCulture),
        "lead=" + LeadWeight.ToString("R", CultureInfo.InvariantCulture),
        "embeddings=" + (Embeddings == TopicEmbeddings.None ? "none" : TopicEmbedding.Name(Embeddings) + "*" + EffectiveEmbeddingWeight.ToString("R", CultureInfo.InvariantCulture) + "/" + TopicEmbeddingTexts.Name(EmbeddingText)),
        "l2=" + (L2Regularization?.ToString("R", CultureInfo.InvariantCulture) ?? "default"),
        "iter=" + (Iterations?.ToString(CultureInfo.InvariantCulture) ?? "default"),
        "tol=" + Tolerance.ToString("R", CultureInfo.InvariantCulture),
        "posWeight=" + PositiveWeight.ToString("R", CultureInfo.InvariantCulture),
        "nb=" + NbScaling,
        "nbBeta=" + NbInterpolation.ToString("R", CultureInfo.InvariantCulture),
        "threshold=" + DecisionThreshold.ToString("R", CultureInfo.InvariantCulture),
        "thresholdFolds=" + ThresholdFolds.ToString(CultureInfo.InvariantCulture),
        "calibrationFolds=" + CalibrationFolds.ToString(CultureInfo.InvariantCulture),
        "clean=" + CleanSettings(Clean),
        "thresholdObjective=" + ThresholdObjective,
        "fallback=" + Fallback,
        "seed=" + Seed.ToString(CultureInfo.InvariantCulture));
}
