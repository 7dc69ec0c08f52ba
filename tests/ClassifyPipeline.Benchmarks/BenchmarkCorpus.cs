using System.Text.Json;

/// <summary>Real article texts for the hot-loop benchmarks: the BBC training part from ../shared/data, else the seeds.</summary>
public static class BenchmarkCorpus
{
    public static IReadOnlyList<string> Texts(int max)
    {
        var root = FindRoot();
        var bbc = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "topics", "bbc", "train.jsonl"));
        if (File.Exists(bbc))
            return File.ReadLines(bbc).Take(max).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
        return Directory.GetFiles(Path.Combine(root, "seeds")).Select(File.ReadAllText).ToList();
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClassifyPipeline.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
