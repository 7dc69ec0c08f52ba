using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Classification.Topic;

/// <summary>
/// Which pretrained sentence embedding a topic model appends to its TF-IDF features (see <see cref="TopicFeatures"/>):
/// none, MiniLM (<see cref="MiniLmEmbedder"/>) or arctic-embed-xs (<see cref="ArcticXsEmbedder"/>), of the text
/// <see cref="TopicEmbeddingText"/> picks.
/// </summary>
public enum TopicEmbeddings
{
    None,
    MiniLm,
    ArcticXs,
}

/// <summary>The encoder behind each <see cref="TopicEmbeddings"/> value and the name models record it by.</summary>
public static class TopicEmbedding
{
    /// <summary>The encoder's name as the model file records it ("" for none).</summary>
    public static string Name(TopicEmbeddings embeddings) => embeddings switch
    {
        TopicEmbeddings.None => "",
        TopicEmbeddings.MiniLm => MiniLmEmbedder.EncoderName,
        TopicEmbeddings.ArcticXs => ArcticXsEmbedder.EncoderName,
        _ => throw new ArgumentOutOfRangeException(nameof(embeddings), embeddings, "unknown sentence embedding"),
    };

    /// <summary>The value for a recorded name; an unknown name throws <see cref="InvalidDataException"/>.</summary>
    public static TopicEmbeddings FromName(string name) => name switch
    {
        "" => TopicEmbeddings.None,
        MiniLmEmbedder.EncoderName => TopicEmbeddings.MiniLm,
        ArcticXsEmbedder.EncoderName => TopicEmbeddings.ArcticXs,
        _ => throw new InvalidDataException($"the model uses the sentence encoder '{name}', which this version of classify does not know"),
    };

    /// <summary>
    /// The embedding block's weight when none is given: each encoder's best by 5-fold CV, fold seeds 42-44.
    /// MiniLM 0.25 (AG News 0.9035 against 0.9019 at 0.5, 0.8979 at 1); arctic-embed-xs 0.5 (AG 0.9025 / 0.9070 /
    /// 0.9057 and BBC 0.9823 / 0.9838 / 0.9827 at 0.25 / 0.5 / 0.75; docs/experiments/2026-12-05-topic-text.md).
    /// </summary>
    public static float DefaultWeight(TopicEmbeddings embeddings) => embeddings switch
    {
        TopicEmbeddings.None => 0,
        TopicEmbeddings.MiniLm => 0.25f,
        TopicEmbeddings.ArcticXs => 0.5f,
        _ => throw new ArgumentOutOfRangeException(nameof(embeddings), embeddings, "unknown sentence embedding"),
    };

    /// <summary>The length of the embedding block (0 for none).</summary>
    public static int Dimension(TopicEmbeddings embeddings) => embeddings switch
    {
        TopicEmbeddings.None => 0,
        TopicEmbeddings.MiniLm => MiniLmEmbedder.Size,
        TopicEmbeddings.ArcticXs => ArcticXsEmbedder.Size,
        _ => throw new ArgumentOutOfRangeException(nameof(embeddings), embeddings, "unknown sentence embedding"),
    };

    /// <summary>The process-wide encoder (loaded on first use).</summary>
    public static ISentenceEmbedder Embedder(TopicEmbeddings embeddings) => embeddings switch
    {
        TopicEmbeddings.MiniLm => MiniLmEmbedder.Shared,
        TopicEmbeddings.ArcticXs => ArcticXsEmbedder.Shared,
        _ => throw new ArgumentOutOfRangeException(nameof(embeddings), embeddings, "no sentence embedding"),
    };
}
