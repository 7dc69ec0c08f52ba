using System.Text;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Classification.Topic;

/// <summary>The topic model's file: a magic tag, the format version, the settings, the calibration, the vocabulary, the weights.</summary>
public sealed partial class TopicModel
{
    private static readonly byte[] Magic = "CPTOPIC\n"u8.ToArray();

    public void Save(Stream stream)
    {
        stream.Write(Magic);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(FormatVersion);
        writer.Write(MultiLabel);
        writer.Write((int)Scoring);
        writer.Write(Trainer);
        writer.Write((int)Analysis.StopWords);
        writer.Write((int)Analysis.Stemming);
        writer.Write(Analysis.MaxNGram);
        writer.Write(Analysis.MinTokenLength);
        writer.Write(Analysis.MaxTokenLength);
        writer.Write(Analysis.TitleWeight);
        writer.Write(_labels.Length);
        for (var l = 0; l < _labels.Length; l++)
        {
            writer.Write(_labels[l]);
            writer.Write(_biases[l]);
            writer.Write(_thresholds[l]);
        }
        writer.Write(FallbackThreshold);
        writer.Write(LeadWeight);
        writer.Write(Calibrated);
        for (var l = 0; l < _labels.Length; l++)
        {
            writer.Write(_scales[l]);
            writer.Write(_offsets[l]);
        }
        writer.Write((int)Clean.Normalization);
        writer.Write(Clean.TitleSearchLines);
        writer.Write(Clean.TitleMaxWords);
        WriteList(writer, Clean.BoilerplatePatterns);
        WriteList(writer, Clean.FooterPatterns);
        writer.Write(TopScale);
        writer.Write(TopOffset);
        writer.Write(TopicEmbedding.Name(Embeddings));
        writer.Write(EmbeddingWeight);
        writer.Write(EmbeddingDimension);
        writer.Write((int)EmbeddingText);
        writer.Flush();
        Vocabulary.Save(stream);
        writer.Write(_weights.Length);
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(_weights.AsSpan());
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("topic models are stored little-endian");
        writer.Write(bytes);
    }

    /// <summary>Loads a saved model. A file that is not a topic model, from another format version, or cut short throws <see cref="InvalidDataException"/> saying which.</summary>
    public static TopicModel Load(Stream stream)
    {
        var magic = new byte[Magic.Length];
        if (stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) != magic.Length || !magic.AsSpan().SequenceEqual(Magic))
            throw new InvalidDataException("not a ClassifyPipeline topic model");
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            var version = reader.ReadInt32();
            if (version < OldestReadableVersion || version > FormatVersion)
                throw new InvalidDataException($"topic model format version {version} is not supported by this version of classify (it reads versions {OldestReadableVersion}..{FormatVersion}); retrain the model");
            var multi = reader.ReadBoolean();
            var scoring = (TopicScoring)reader.ReadInt32();
            if (!Enum.IsDefined(scoring))
                throw new InvalidDataException($"corrupt topic model: unknown scoring {(int)scoring}");
            var trainer = reader.ReadString();
            var analysis = new AnalysisOptions
            {
                StopWords = (StopWordList)reader.ReadInt32(),
                Stemming = (Stemming)reader.ReadInt32(),
                MaxNGram = reader.ReadInt32(),
                MinTokenLength = reader.ReadInt32(),
                MaxTokenLength = reader.ReadInt32(),
                TitleWeight = reader.ReadInt32(),
                NumberWeight = 1,
                EntityWeight = 1,
            };
            var count = reader.ReadInt32();
            if (count <= 0 || count > 1_000_000)
                throw new InvalidDataException($"corrupt topic model: {count} labels");
            var labels = new string[count];
            var biases = new float[count];
            var thresholds = new float[count];
            for (var l = 0; l < count; l++)
            {
                labels[l] = reader.ReadString();
                biases[l] = reader.ReadSingle();
                thresholds[l] = reader.ReadSingle();
            }
            var fallback = reader.ReadSingle();
            if (float.IsNaN(fallback) || fallback < 0)
                throw new InvalidDataException($"corrupt topic model: fallback threshold {fallback}");
            var leadWeight = reader.ReadSingle();
            if (!float.IsFinite(leadWeight) || leadWeight < 0)
                throw new InvalidDataException($"corrupt topic model: lead weight {leadWeight}");
            var calibrated = false;
            var scales = Enumerable.Repeat(1f, count).ToArray();
            var offsets = new float[count];
            var clean = new CleanOptions();
            if (version >= 4)
            {
                calibrated = reader.ReadBoolean();
                for (var l = 0; l < count; l++)
                {
                    scales[l] = reader.ReadSingle();
                    offsets[l] = reader.ReadSingle();
                    if (!float.IsFinite(scales[l]) || scales[l] <= 0 || !float.IsFinite(offsets[l]))
                        throw new InvalidDataException($"corrupt topic model: calibration {scales[l]}, {offsets[l]}");
                }
                var normalization = (UnicodeNormalization)reader.ReadInt32();
                if (!Enum.IsDefined(normalization))
                    throw new InvalidDataException($"corrupt topic model: unknown normalization {(int)normalization}");
                clean.Normalization = normalization;
                clean.TitleSearchLines = reader.ReadInt32();
                clean.TitleMaxWords = reader.ReadInt32();
                clean.BoilerplatePatterns = ReadList(reader);
                clean.FooterPatterns = ReadList(reader);
            }
            float topScale = 1, topOffset = 0;
            if (version >= 5)
            {
                topScale = reader.ReadSingle();
                topOffset = reader.ReadSingle();
                if (!float.IsFinite(topScale) || topScale <= 0 || !float.IsFinite(topOffset))
                    throw new InvalidDataException($"corrupt topic model: top-score calibration {topScale}, {topOffset}");
            }
            var embeddings = TopicEmbeddings.None;
            float embeddingWeight = 0;
            if (version >= 6)
            {
                embeddings = TopicEmbedding.FromName(reader.ReadString());
                embeddingWeight = reader.ReadSingle();
                var dimension = reader.ReadInt32();
                if (!float.IsFinite(embeddingWeight) || embeddingWeight < 0 || dimension != TopicEmbedding.Dimension(embeddings))
                    throw new InvalidDataException($"corrupt topic model: embedding weight {embeddingWeight}, {dimension} dimensions");
            }
            var embeddingText = TopicEmbeddingText.Lead;
            if (version >= 7)
            {
                embeddingText = (TopicEmbeddingText)reader.ReadInt32();
                if (!Enum.IsDefined(embeddingText))
                    throw new InvalidDataException($"corrupt topic model: unknown embedding text {(int)embeddingText}");
            }
            var vocabulary = TfIdfModel.Load(stream);
            var length = reader.ReadInt32();
            if (length != ((long)vocabulary.Terms.Count + TopicEmbedding.Dimension(embeddings)) * count)
                throw new InvalidDataException("corrupt topic model: the weights do not match the vocabulary");
            var weights = new float[length];
            var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(weights.AsSpan());
            stream.ReadExactly(bytes);
            return new TopicModel(labels, multi, scoring, trainer, analysis, vocabulary, weights, biases, thresholds, fallback, leadWeight, scales, offsets, calibrated, clean, topScale, topOffset, embeddings, embeddingWeight, embeddingText);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("corrupt topic model: the file is cut short");
        }
    }

    private static void WriteList(BinaryWriter writer, List<string> items)
    {
        writer.Write(items.Count);
        foreach (var item in items)
            writer.Write(item);
    }

    private static List<string> ReadList(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count is < 0 or > 100_000)
            throw new InvalidDataException($"corrupt topic model: {count} clean patterns");
        var items = new List<string>(count);
        for (var i = 0; i < count; i++)
            items.Add(reader.ReadString());
        return items;
    }
}
