using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClassifyPipeline.Pipeline;

namespace ClassifyPipeline.Tools.Scale;

/// <summary>
/// A SHA-256 over what a run's dedup decided: every article's story, duplicate target and similarities, and every
/// story's members and edges (cosine to the last bit, tier, shared terms), in the run's own order. Two runs with the
/// same digest grouped and linked every article the same way: the check that a faster algorithm changed nothing.
/// </summary>
public static class OutputDigest
{
    public static string Of(RunResult run)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var c = CultureInfo.InvariantCulture;
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        foreach (var a in run.Articles)
        {
            var d = a.Dedup;
            Add(string.Create(c, $"a {d.Id} {d.StoryId} {d.DuplicateOf} {d.DuplicateSimilarity:R} {d.StorySimilarity:R}"));
        }
        foreach (var s in run.Stories)
        {
            Add($"s {s.Id} {s.LeadId} {string.Join(' ', s.Members)}");
            foreach (var e in s.Edges)
                Add(string.Create(c, $"e {e.From} {e.To} {e.Cosine:R} {e.Tier} {string.Join(' ', e.SharedTerms)}"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
