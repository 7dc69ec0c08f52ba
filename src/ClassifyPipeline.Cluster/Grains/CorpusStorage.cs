namespace ClassifyPipeline.Cluster.Grains;

/// <summary>The grain storage provider every corpus grain keeps its state in (Redis for a Redis cluster, memory for a local one).</summary>
public static class CorpusStorage
{
    public const string Name = "corpus";
}
