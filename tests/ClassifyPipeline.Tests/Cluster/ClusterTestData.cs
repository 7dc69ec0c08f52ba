using ClassifyPipeline.Tools.Corpus;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Tests.Dedup;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Cluster;

/// <summary>Inputs for the cluster tests: generated corpora with known stories (from the development data's FNC-1 bodies).</summary>
internal static class ClusterTestData
{
    public const string NoData = "training/stance/train_bodies.csv is missing: cluster equivalence tests need the FNC-1 bodies";

    public static void SkipUnlessData() =>
        Skip.IfNot(File.Exists(Path.Combine(RepoPaths.Fnc1, "train_bodies.csv")), NoData);

    /// <summary>
    /// <paramref name="count"/> generated articles (30 s apart, about one in ten a syndicated copy) written as JSON Lines
    /// in <paramref name="batches"/> consecutive files.
    /// </summary>
    public static IReadOnlyList<string> Generated(string folder, int count, int batches, int seed = 7)
    {
        var articles = new ScaleCorpus(DedupCorpus.Fnc1Articles.Select(a => a.Body)).Generate(count, seed).Select(g => g.Article).ToList();
        var size = (count + batches - 1) / batches;
        var files = new List<string>();
        for (var b = 0; b < batches; b++)
        {
            var path = Path.Combine(folder, $"generated-{b}.jsonl");
            using (var stream = File.Create(path))
                ArticleJsonl.Write(stream, articles.Skip(b * size).Take(size));
            files.Add(path);
        }
        return files;
    }

    /// <summary>The FNC-1 training bodies as one input file, as <c>classify generate fnc1</c> writes them (undated).</summary>
    public static string Fnc1(string folder)
    {
        var path = Path.Combine(folder, "fnc1.jsonl");
        using var stream = File.Create(path);
        ArticleJsonl.Write(stream, DedupCorpus.Fnc1Articles);
        return path;
    }

    public static PipelineOptions Options(double windowDays = 7) => State.StateTestData.Options(windowDays);
}
