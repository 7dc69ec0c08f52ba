using System.Collections;

namespace ClassifyPipeline.Dedup;

/// <summary>One story's edges, a range of a <see cref="StoryEdgeStore"/>: each <see cref="SimilarityEdge"/> is made when read.</summary>
internal sealed class StoryEdges(StoryEdgeStore store, int start, int count) : IReadOnlyList<SimilarityEdge>
{
    public int Count => count;

    public SimilarityEdge this[int index] =>
        (uint)index < (uint)count ? store.Edge(start + index) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<SimilarityEdge> GetEnumerator()
    {
        for (var k = 0; k < count; k++)
            yield return store.Edge(start + k);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
