using System.ComponentModel.DataAnnotations;

namespace ClassifyPipeline.Classification.Topic;

/// <summary>
/// The <c>topic</c> section of pipeline.json: which model <c>classify run</c> uses, or how it trains the default one.
/// Relative paths are resolved against the current folder.
/// </summary>
public sealed class TopicOptions
{
    /// <summary>A model file written by <c>classify train topic</c>; null trains (once, then cached) the default model from <see cref="TrainingData"/>.</summary>
    public string? Model { get; set; }

    /// <summary>The labeled data of the default model (BBC's five sections plus AG News's World as "world", training/README.md). When it is not there, topics are left null (with a warning).</summary>
    public string TrainingData { get; set; } = "training/topics/news-train.jsonl";

    /// <summary>Where default models are cached, keyed by training data and settings.</summary>
    public string CacheFolder { get; set; } = ".cache/models";

    /// <summary>A top label scoring below this is reported as uncertain: topic null, scores kept.</summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.5;

    /// <summary>The trainer of the default model.</summary>
    public TopicTrainer Trainer { get; set; } = TopicTrainer.LinearSvmDcd;

    /// <summary>Longest word n-gram in the default model's features.</summary>
    [Range(1, 3)]
    public int MaxNGram { get; set; } = 2;

    /// <summary>Terms in fewer training documents are left out of the default model's vocabulary.</summary>
    [Range(1, 1000)]
    public int MinDocumentFrequency { get; set; } = 3;

    /// <summary>How many times the lead's (title and first paragraph) TF-IDF vector is added to the article's in the default model's features; 0: off.</summary>
    [Range(0.0, 10.0)]
    public float LeadWeight { get; set; } = 0.5f;

    /// <summary>
    /// The default model's sentence embeddings: none (the default: embedding costs far more than the rest of the
    /// topic stage, docs/configuration.md), miniLm or arcticXs.
    /// </summary>
    public TopicEmbeddings Embeddings { get; set; } = TopicEmbeddings.None;

    /// <summary>With <see cref="Embeddings"/>: the embedding block's weight against the normalized TF-IDF vector; null: the encoder's default (<see cref="TopicEmbedding.DefaultWeight"/>).</summary>
    [Range(0.0, 10.0)]
    public float? EmbeddingWeight { get; set; }

    /// <summary>With <see cref="Embeddings"/>: what the encoder reads, the lead or the whole text in averaged windows.</summary>
    public TopicEmbeddingText EmbeddingText { get; set; } = TopicEmbeddingText.Lead;

    /// <summary>The default model's training settings; <paramref name="clean"/>: the run's clean settings, so the model is trained on text cleaned as the run cleans it.</summary>
    public TopicTrainingOptions Training(Text.CleanOptions? clean = null) => new()
    {
        Clean = clean ?? new Text.CleanOptions(),
        Trainer = Trainer,
        LeadWeight = LeadWeight,
        MaxNGram = MaxNGram,
        MinDocumentFrequency = MinDocumentFrequency,
        Embeddings = Embeddings,
        EmbeddingWeight = EmbeddingWeight,
        EmbeddingText = EmbeddingText,
    };
}
