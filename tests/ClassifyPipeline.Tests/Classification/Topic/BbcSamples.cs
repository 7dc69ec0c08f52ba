using ClassifyPipeline.Classification.Topic;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Classification.Topic;

/// <summary>Small, fixed subsets of the BBC development data (the file is sorted by label), read once.</summary>
internal static class BbcSamples
{
    private static readonly Lazy<LabeledData> All = new(() => LabeledDataReader.Read([Path]));

    public static string Path => RepoPaths.BbcTrain;

    private const int Stride = 7;

    /// <summary>
    /// <paramref name="perClass"/> articles of each label: every 7th of that label from its <paramref name="offset"/>-th
    /// (0..6), spread over the whole file; different offsets never overlap.
    /// </summary>
    public static LabeledData Take(int perClass, int offset = 0) =>
        new(All.Value.Articles.GroupBy(a => a.Labels[0]).SelectMany(g => g.Where((_, i) => i % Stride == offset).Take(perClass)).ToList(), false);

    /// <summary>The same subset as JSON Lines, for CLI tests.</summary>
    public static string WriteJsonl(TempDirectory dir, string name, int perClass, int offset = 0)
    {
        var ids = Take(perClass, offset).Articles.Select(a => a.Article.Id).ToHashSet();
        var lines = File.ReadLines(Path).Where(l => ids.Contains(System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!));
        return dir.File(name, string.Join("\n", lines) + "\n");
    }
}
