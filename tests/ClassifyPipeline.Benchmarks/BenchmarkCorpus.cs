using System.Text.Json;
using ClassifyPipeline.Tests.Support;

/// <summary>
/// Real article texts for the hot-loop benchmarks: the JSON Lines file named by the environment variable
/// <c>CLASSIFY_BENCH_TEXTS</c> when set (its "text" fields), else the BBC training copy in training/, else the seeds.
/// </summary>
public static class BenchmarkCorpus
{
    public static IReadOnlyList<string> Texts(int max)
    {
        if (Environment.GetEnvironmentVariable("CLASSIFY_BENCH_TEXTS") is { Length: > 0 } chosen)
            return File.ReadLines(chosen).Take(max).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
        var bbc = RepoPaths.BbcTrain;
        if (File.Exists(bbc))
            return File.ReadLines(bbc).Take(max).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
        return Directory.GetFiles(RepoPaths.Seeds).Select(File.ReadAllText).ToList();
    }
}
