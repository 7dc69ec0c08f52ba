using ClassifyPipeline.Classification.Topic;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Classification.Topic;

/// <summary>Small, fixed subsets of the BBC development data (the file is sorted by label), read once.</summary>
internal static class BbcSamples
{
    private static readonly Lazy<LabeledData> All = new(() => LabeledDataReader.Read([Path]));

    public static string Path => System.IO.Path.Combine(RepoPaths.SharedData, "topics", "bbc", "train.jsonl");

    /// <summary><paramref name="perClass"/> articles of each label, starting at the <paramref name="skip"/>-th of that label.</summary>
    public static LabeledData Take(int perClass, int skip = 0) =>
        new(All.Value.Articles.GroupBy(a => a.Labels[0]).SelectMany(g => g.Skip(skip).Take(perClass)).ToList(), false);

    /// <summary>The same subset as JSON Lines, for CLI tests.</summary>
    public static string WriteJsonl(TempDirectory dir, string name, int perClass, int skip = 0)
    {
        var ids = Take(perClass, skip).Articles.Select(a => a.Article.Id).ToHashSet();
        var lines = File.ReadLines(Path).Where(l => ids.Contains(System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!));
        return dir.File(name, string.Join("\n", lines) + "\n");
    }
}
