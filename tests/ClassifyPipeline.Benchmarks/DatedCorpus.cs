using System.Globalization;
using System.Text.Json;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Benchmarks;

/// <summary>
/// A generated corpus (JSON Lines with id, title, text, published) weighed the way the story stage does it over an
/// empty state, in time order: the input of the join at a real window's density. Vectorizing 100k articles takes
/// about half a minute, so the vectors can be kept in a binary cache file and read back.
/// </summary>
internal sealed class DatedCorpus
{
    private DatedCorpus(SparseVector[] vectors, long[] ticks, int dims)
    {
        Vectors = vectors;
        Documents = ticks.Select(t => new JoinDocument(t, IsNew: true, Undated: false)).ToArray();
        Dims = dims;
    }

    public SparseVector[] Vectors { get; }

    public JoinDocument[] Documents { get; }

    public int Dims { get; }

    public List<(int I, int J, double Cosine)> Join(double threshold, int threads = -1, double windowDays = 7) =>
        WindowJoin.Find(Documents, i => Vectors[i], Dims, threshold, TimeSpan.FromDays(windowDays), threads);

    public static DatedCorpus Load(string path, int max, string? cache)
    {
        if (cache is not null && File.Exists(cache))
            return Read(cache);
        var rows = File.ReadLines(path).Take(max).Select(line =>
        {
            var root = JsonDocument.Parse(line).RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            var published = PublishedTime.TryParse(Text("published"), out var time) ? time : (PublishedTime?)null;
            return new Article(Text("id")!, Text("source"), null, Text("title"), Text("text") ?? "", published);
        }).ToList();
        // cleaned, analyzed and weighed as the scale harness does it, then put in time order
        var vectors = CorpusVectors.Vectorize(rows);
        var order = Enumerable.Range(0, rows.Count)
            .OrderBy(i => rows[i].Published?.Instant.UtcTicks ?? long.MaxValue).ThenBy(i => rows[i].Id, StringComparer.Ordinal).ToArray();
        var dims = vectors.Count == 0 ? 0 : vectors.Max(v => v.Count == 0 ? 0 : v.Indices[^1] + 1);
        var corpus = new DatedCorpus(order.Select(i => vectors[i]).ToArray(),
            order.Select(i => rows[i].Published?.Instant.UtcTicks ?? 0).ToArray(), dims);
        if (cache is not null)
            corpus.Write(cache);
        return corpus;
    }

    private void Write(string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(Vectors.Length);
        writer.Write(Dims);
        for (var d = 0; d < Vectors.Length; d++)
        {
            writer.Write(Documents[d].WindowTicks);
            writer.Write(Vectors[d].Count);
            foreach (var t in Vectors[d].Indices)
                writer.Write(t);
            foreach (var w in Vectors[d].Values)
                writer.Write(w);
        }
    }

    private static DatedCorpus Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        var n = reader.ReadInt32();
        var dims = reader.ReadInt32();
        var vectors = new SparseVector[n];
        var ticks = new long[n];
        for (var d = 0; d < n; d++)
        {
            ticks[d] = reader.ReadInt64();
            var count = reader.ReadInt32();
            var indices = new int[count];
            var values = new float[count];
            for (var k = 0; k < count; k++)
                indices[k] = reader.ReadInt32();
            for (var k = 0; k < count; k++)
                values[k] = reader.ReadSingle();
            vectors[d] = new SparseVector(indices, values);
        }
        return new DatedCorpus(vectors, ticks, dims);
    }

    /// <summary>SHA-256 of the pairs with their cosines' bits: equal digests, identical joins.</summary>
    public static string Digest(List<(int I, int J, double Cosine)> pairs)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var buffer = new byte[16];
        foreach (var (i, j, c) in pairs)
        {
            BitConverter.TryWriteBytes(buffer.AsSpan(0, 4), i);
            BitConverter.TryWriteBytes(buffer.AsSpan(4, 4), j);
            BitConverter.TryWriteBytes(buffer.AsSpan(8, 8), c);
            sha.AppendData(buffer);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
