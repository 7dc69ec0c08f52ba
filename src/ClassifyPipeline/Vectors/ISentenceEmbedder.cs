namespace ClassifyPipeline.Vectors;

/// <summary>
/// A pretrained sentence encoder: one dense, L2-normalized vector of <see cref="Dimension"/> numbers per text.
/// Implementations are thread-safe; <see cref="SentenceEmbeddings"/> batches, caches and reports progress around them.
/// </summary>
public interface ISentenceEmbedder
{
    /// <summary>The encoder's name as models record it (e.g. <c>minilm</c>).</summary>
    string Name { get; }

    /// <summary>The length of every vector.</summary>
    int Dimension { get; }

    /// <summary>One vector per text, in order (one batch: the caller chooses its size).</summary>
    float[][] Encode(string[] texts, CancellationToken cancellationToken);
}
