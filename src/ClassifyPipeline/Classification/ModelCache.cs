using System.Security.Cryptography;
using System.Text;
using ClassifyPipeline.IO;
using ClassifyPipeline.Reports;

namespace ClassifyPipeline.Classification;

/// <summary>
/// Default models trained on first use and kept in a folder, keyed by a hash of their training files and
/// settings: when either changes, the key changes and the model is retrained. Files are written
/// atomically, so a killed training run leaves no half-written model; a cached file that fails to load
/// (corrupt, or from an incompatible version) is retrained.
/// </summary>
public sealed class ModelCache(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>A key from the contents of the training files and a settings string (options serialized, format version).</summary>
    public static string Key(IEnumerable<string> trainingFiles, string settings)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(settings));
        foreach (var file in trainingFiles.OrderBy(f => f, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            using var stream = File.OpenRead(file);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer)) > 0)
                hash.AppendData(buffer.AsSpan(0, read));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    public string PathFor(string task, string key) => Path.Combine(Directory, $"{task}-{key}.model");

    /// <summary>Loads the cached model for (task, key), or trains, saves and returns a new one. <paramref name="trained"/> is true when it trained.</summary>
    public T GetOrTrain<T>(string task, string key, Func<T> train, Action<T, Stream> save, Func<Stream, T> load, out bool trained)
    {
        var path = PathFor(task, key);
        if (File.Exists(path))
        {
            try
            {
                using var stream = File.OpenRead(path);
                trained = false;
                return load(stream);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or EndOfStreamException or FormatException or InvalidOperationException)
            {
                // fall through: retrain over the unusable file
            }
        }
        var model = train();
        AtomicFile.Write(path, stream => save(model, stream));
        trained = true;
        return model;
    }
}
