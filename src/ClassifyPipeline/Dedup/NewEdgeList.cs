using System.Collections;
using ClassifyPipeline.Corpus;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// The graph's edges a batch writes to the state, as a view: an index per edge (4 bytes), each
/// <see cref="CorpusEdge"/> made when it is read. A dense window's batch writes tens of millions of edges; as
/// objects they would hold gigabytes while the state writes them.
/// </summary>
internal sealed class NewEdgeList(StoryGraph graph, int[] edgeIndices) : IReadOnlyList<CorpusEdge>
{
    public int Count => edgeIndices.Length;

    public CorpusEdge this[int index] => At(edgeIndices[index]);

    public IEnumerator<CorpusEdge> GetEnumerator()
    {
        foreach (var e in edgeIndices)
            yield return At(e);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private CorpusEdge At(int e)
    {
        var (i, j, cosine) = graph.Edges[e];
        return new CorpusEdge(graph.Nodes[i].Id, graph.Nodes[j].Id, cosine);
    }
}
