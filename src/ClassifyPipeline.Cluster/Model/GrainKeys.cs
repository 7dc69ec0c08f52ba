namespace ClassifyPipeline.Cluster.Model;

/// <summary>The string keys of a corpus's grains: the corpus name, then where in the corpus.</summary>
public static class GrainKeys
{
    /// <summary>The slice that holds a batch's undated new articles while it is joined (never stored: they are stored at the time first seen).</summary>
    public const string Undated = "u";

    public static string Slice(string corpus, long slice, int part) => $"{corpus}/{slice}/{part}";

    public static string UndatedSlice(string corpus, int part) => $"{corpus}/{Undated}/{part}";

    public static string Bucket(string corpus, int bucket) => $"{corpus}/{bucket}";

    /// <summary>The corpus's thread index (one grain).</summary>
    public static string Threads(string corpus) => $"{corpus}/threads";

    /// <summary>The corpus a grain key belongs to (the catalog's key is the corpus itself).</summary>
    public static string CorpusOf(string key) => key.IndexOf('/') is var at and >= 0 ? key[..at] : key;

    /// <summary>True for a corpus name that keys and storage can carry as it is.</summary>
    public static bool IsValidCorpus(string name) =>
        name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
