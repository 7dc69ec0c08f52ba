using System.Diagnostics;
using ClassifyPipeline.IO;

namespace ClassifyPipeline.Vectors;

/// <summary>
/// Sentence embeddings of texts, each text encoded once and then kept: cross-validation embeds the whole data set
/// once and every fold (and every repeat) reuses it. Texts not seen before are encoded in batches of
/// <paramref name="batchSize"/>, shortest first (a batch is padded to its longest text, so similar lengths together
/// are faster), with progress as stage <c>embed</c>. Thread-safe. A text's vector can differ in the last float digits
/// with the batch it was encoded in (padding changes the order of the sums), so the same calls give the same vectors.
/// With a <paramref name="store"/>, a text's vector is read from it when it is there and written to it when encoded,
/// so later runs (a sweep of training options) do not encode it again.
/// </summary>
public sealed class SentenceEmbeddings(ISentenceEmbedder embedder, IProgress<RunProgress>? progress = null, int batchSize = 32, EmbeddingStore? store = null)
{
    public const string Stage = "embed";

    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ISentenceEmbedder Embedder { get; } = embedder;

    /// <summary>How many texts went through the encoder so far (each once).</summary>
    public int Encoded { get; private set; }

    /// <summary>How many texts were read from the store instead.</summary>
    public int Stored { get; private set; }

    /// <summary>The time spent encoding them.</summary>
    public TimeSpan EncodingTime { get; private set; }

    /// <summary>The embedding of every text, in order.</summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        lock (_gate)
        {
            var missing = texts.Where(t => !_vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal)
                .OrderBy(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).ToArray();
            if (store is not null && missing.Length > 0)
                missing = FromStore(missing, cancellationToken);
            if (missing.Length > 0)
            {
                var watch = Stopwatch.StartNew();
                progress?.Report(new RunProgress(Stage, 0, missing.Length));
                for (var start = 0; start < missing.Length; start += batchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var batch = missing[start..Math.Min(missing.Length, start + batchSize)];
                    var vectors = Embedder.Encode(batch, cancellationToken);
                    if (vectors.Length != batch.Length || vectors.Any(v => v.Length != Embedder.Dimension))
                        throw new InvalidOperationException($"the {Embedder.Name} encoder returned {vectors.Length} vectors for {batch.Length} texts, or not {Embedder.Dimension} numbers each");
                    for (var i = 0; i < batch.Length; i++)
                    {
                        _vectors[batch[i]] = vectors[i];
                        store?.Write(Embedder.Name, batch[i], vectors[i]);
                    }
                    progress?.Report(new RunProgress(Stage, start + batch.Length, missing.Length));
                }
                Encoded += missing.Length;
                EncodingTime += watch.Elapsed;
            }
            return texts.Select(t => _vectors[t]).ToArray();
        }
    }

    /// <summary>Takes the texts the store holds into memory; returns the others, in their order.</summary>
    private string[] FromStore(string[] missing, CancellationToken cancellationToken)
    {
        var read = new float[]?[missing.Length];
        Parallel.For(0, missing.Length, new ParallelOptions { CancellationToken = cancellationToken },
            i => read[i] = store!.TryRead(Embedder.Name, Embedder.Dimension, missing[i]));
        var left = new List<string>();
        for (var i = 0; i < missing.Length; i++)
        {
            if (read[i] is { } vector)
                _vectors[missing[i]] = vector;
            else
                left.Add(missing[i]);
        }
        Stored += missing.Length - left.Count;
        return [.. left];
    }
}
