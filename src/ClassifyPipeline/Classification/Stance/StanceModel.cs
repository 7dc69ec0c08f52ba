using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using ClassifyPipeline.IO;

namespace ClassifyPipeline.Classification.Stance;

/// <summary>
/// A trained two-stage stance model: a boosted-tree classifier for related vs unrelated, then three
/// one-vs-rest boosted-tree classifiers (agree, disagree, discuss) for the related pairs, over the
/// features of <see cref="StanceFeatures"/> with the training IDF. Immutable; saved in a tagged,
/// versioned format.
/// </summary>
public sealed class StanceModel : IStanceClassifier
{
    public const int FormatVersion = 1;

    private static readonly byte[] Magic = "CLSTANCE"u8.ToArray();

    private readonly StanceVocabulary _vocabulary;
    private readonly byte[][] _modelBytes;
    private readonly ITransformer[] _models;
    private readonly Lock _gate = new();

    internal StanceModel(StanceVocabulary vocabulary, byte[][] modelBytes, double relatedThreshold, double disagreeBoost)
    {
        _vocabulary = vocabulary;
        _modelBytes = modelBytes;
        RelatedThreshold = relatedThreshold;
        DisagreeBoost = disagreeBoost;
        var ml = new MLContext(seed: 0);
        _models = modelBytes.Select(b =>
        {
            using var stream = new MemoryStream(b, writable: false);
            return ml.Model.Load(stream, out _);
        }).ToArray();
    }

    public double RelatedThreshold { get; }

    public double DisagreeBoost { get; }

    /// <summary>Stems with an IDF in the model.</summary>
    public int VocabularySize => _vocabulary.Idf.Count;

    public IReadOnlyList<StancePrediction> Predict(IReadOnlyList<StancePair> pairs, CancellationToken cancellationToken)
    {
        var probabilities = PredictProbabilities(pairs, cancellationToken);
        var result = new StancePrediction[pairs.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var p = probabilities[i];
            var best = Decide(p);
            result[i] = new StancePrediction(StanceLabels.Names[best], p[best]);
        }
        return result;
    }

    /// <summary>The stance index of each pair (see <see cref="StanceLabels"/>).</summary>
    public int[] PredictIndices(IReadOnlyList<StancePair> pairs, CancellationToken cancellationToken) =>
        PredictProbabilities(pairs, cancellationToken).Select(Decide).ToArray();

    /// <summary>Per pair, the probability of each stance: P(unrelated) = 1 − P(related), and P(related) split by the normalized one-vs-rest scores.</summary>
    public double[][] PredictProbabilities(IReadOnlyList<StancePair> pairs, CancellationToken cancellationToken) =>
        PredictProbabilities(pairs, cancellationToken, chunkPairs: 8192);

    internal double[][] PredictProbabilities(IReadOnlyList<StancePair> pairs, CancellationToken cancellationToken, int chunkPairs)
    {
        var result = new double[pairs.Count][];
        // A chunk at a time: the analyzed texts of a whole batch (tokens, stems, sentences of every body) would take
        // gigabytes at 100k articles, and a pair's features depend on its own two texts only.
        for (var start = 0; start < pairs.Count; start += chunkPairs)
        {
            var chunk = pairs.Skip(start).Take(chunkPairs).ToList();
            PredictChunk(chunk, result.AsSpan(start, chunk.Count), cancellationToken);
        }
        return result;
    }

    private void PredictChunk(List<StancePair> pairs, Span<double[]> result, CancellationToken cancellationToken)
    {
        var (headlines, bodies) = StanceFeaturizer.Analyze(pairs, cancellationToken);
        var features = StanceFeaturizer.Features(_vocabulary, headlines, bodies, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        float[][] scores;
        lock (_gate)
            scores = _models.Select(m => StanceTrees.Score(m, features)).ToArray();
        for (var i = 0; i < result.Length; i++)
        {
            double related = scores[0][i];
            double agree = scores[1][i], disagree = scores[2][i], discuss = scores[3][i];
            var sum = agree + disagree + discuss;
            if (sum <= 0)
                (agree, disagree, discuss, sum) = (1, 1, 1, 3);
            result[i] =
            [
                related * agree / sum,
                related * disagree / sum,
                related * discuss / sum,
                1 - related,
            ];
        }
    }

    private int Decide(double[] p) => Decide(p, RelatedThreshold, DisagreeBoost);

    /// <summary>Unrelated when P(related) is below the threshold, else the likeliest of agree, disagree (its probability times the boost) and discuss.</summary>
    public static int Decide(double[] p, double relatedThreshold, double disagreeBoost)
    {
        if (1 - p[StanceLabels.Unrelated] < relatedThreshold)
            return StanceLabels.Unrelated;
        var best = StanceLabels.Agree;
        var bestScore = p[StanceLabels.Agree];
        if (p[StanceLabels.Disagree] * disagreeBoost > bestScore)
        {
            best = StanceLabels.Disagree;
            bestScore = p[StanceLabels.Disagree] * disagreeBoost;
        }
        if (p[StanceLabels.Discuss] > bestScore)
            best = StanceLabels.Discuss;
        return best;
    }

    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(StanceFeatures.Count);
        w.Write(RelatedThreshold);
        w.Write(DisagreeBoost);
        w.Write(_vocabulary.Documents);
        w.Write(_vocabulary.MeanBodyLength);
        var terms = _vocabulary.Idf.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        w.Write(terms.Count);
        foreach (var (stem, idf) in terms)
        {
            w.Write(stem);
            w.Write(idf);
        }
        w.Write(_modelBytes.Length);
        foreach (var b in _modelBytes)
        {
            w.Write(b.Length);
            w.Write(b);
        }
    }

    public void Save(string path) => AtomicFile.Write(path, Save);

    /// <summary>Loads a model saved by <see cref="Save(Stream)"/>; anything else is an <see cref="InvalidDataException"/> saying why.</summary>
    public static StanceModel Load(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            var magic = r.ReadBytes(Magic.Length);
            if (!magic.AsSpan().SequenceEqual(Magic))
                throw new InvalidDataException("not a stance model (the file does not start with the stance model tag)");
            var version = r.ReadInt32();
            if (version != FormatVersion)
                throw new InvalidDataException($"stance model format version {version} is not supported (this build reads version {FormatVersion}); retrain it");
            var featureCount = r.ReadInt32();
            if (featureCount != StanceFeatures.Count)
                throw new InvalidDataException($"stance model has {featureCount} features but this build computes {StanceFeatures.Count}; retrain it");
            var threshold = r.ReadDouble();
            var boost = r.ReadDouble();
            var documents = r.ReadInt32();
            var meanLength = r.ReadSingle();
            var count = r.ReadInt32();
            if (count < 0)
                throw new InvalidDataException("stance model is corrupt (negative vocabulary size)");
            var idf = new Dictionary<string, float>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
                idf[r.ReadString()] = r.ReadSingle();
            var models = r.ReadInt32();
            if (models != 4)
                throw new InvalidDataException($"stance model is corrupt (expected 4 classifiers, found {models})");
            var bytes = new byte[models][];
            for (var i = 0; i < models; i++)
            {
                var length = r.ReadInt32();
                if (length < 0 || length > stream.Length)
                    throw new InvalidDataException("stance model is corrupt (bad classifier length)");
                bytes[i] = r.ReadBytes(length);
                if (bytes[i].Length != length)
                    throw new EndOfStreamException();
            }
            return new StanceModel(new StanceVocabulary(idf, documents, meanLength), bytes, threshold, boost);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("stance model is truncated");
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidDataException("stance model is corrupt: " + e.Message, e);
        }
    }

    public static StanceModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }
}
