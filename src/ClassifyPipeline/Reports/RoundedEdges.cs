using System.Collections;
using ClassifyPipeline.Dedup;

namespace ClassifyPipeline.Reports;

/// <summary>
/// A story's edges with each cosine rounded as the JSON Lines keep it, made as they are read: the reports read a few
/// stories' edges, and a copy of every edge of a million-article run would hold as much memory again as the run's stories.
/// </summary>
internal sealed class RoundedEdges(IReadOnlyList<SimilarityEdge> edges) : IReadOnlyList<SimilarityEdge>
{
    public int Count => edges.Count;

    public SimilarityEdge this[int index] => Rounded(edges[index]);

    public IEnumerator<SimilarityEdge> GetEnumerator()
    {
        foreach (var e in edges)
            yield return Rounded(e);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static SimilarityEdge Rounded(SimilarityEdge e) => e with { Cosine = JsonOutput.Round(e.Cosine) };
}
