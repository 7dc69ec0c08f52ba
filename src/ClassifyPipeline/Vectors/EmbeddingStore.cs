using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ClassifyPipeline.IO;

namespace ClassifyPipeline.Vectors;

/// <summary>
/// Sentence embeddings kept on disk between runs, so a sweep of training options embeds each text once: one file per
/// text at <c>folder/encoder/xx/sha256.f32</c> (the SHA-256 of the text's UTF-8 bytes, its first two hex digits as a
/// subfolder), holding the vector's floats little-endian. A file of the wrong length counts as missing (and is
/// overwritten). Files are written atomically, so runs can share a folder; nothing is ever deleted (remove the folder
/// to start over). A stored vector is the one the first run computed: a text's vector can differ in the last float
/// digits with the batch it was encoded in, so results with a warm store can differ in those digits from a cold one.
/// </summary>
public sealed class EmbeddingStore(string folder)
{
    public string Folder { get; } = folder;

    /// <summary>The file that holds <paramref name="text"/>'s vector from the encoder <paramref name="encoder"/>.</summary>
    public string PathOf(string encoder, string text)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return Path.Combine(Folder, encoder, hash[..2], hash + ".f32");
    }

    /// <summary>The stored vector of <paramref name="text"/>, or null when there is none of <paramref name="dimension"/> numbers.</summary>
    public float[]? TryRead(string encoder, int dimension, string text)
    {
        var path = PathOf(encoder, text);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        if (bytes.Length != dimension * sizeof(float))
            return null;
        var vector = new float[dimension];
        for (var j = 0; j < dimension; j++)
            vector[j] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(j * sizeof(float)));
        return vector;
    }

    /// <summary>Stores <paramref name="vector"/> as <paramref name="text"/>'s (atomically: a reader sees the old file or the whole new one).</summary>
    public void Write(string encoder, string text, float[] vector)
    {
        var path = PathOf(encoder, text);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var j = 0; j < vector.Length; j++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(j * sizeof(float)), vector[j]);
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }
}
