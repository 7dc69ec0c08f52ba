using ClassifyPipeline.IO;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// Average-linkage clustering (<see cref="AverageLinkageClustering"/>) run one connected component of the similarity
/// graph at a time: no merge crosses a component (a missing edge counts as similarity 0), so the labels are the same
/// as over the whole graph, while memory follows the largest component instead of the whole graph, and components
/// cluster in parallel.
/// </summary>
public static class ComponentClustering
{
    /// <summary>For each of <paramref name="count"/> nodes (indices in canonical order), its cluster label: the cluster's lowest index.</summary>
    /// <param name="clustered">
    /// Told how far the clustering is, now and then and at the end, in merge steps: a component of n nodes counts n − 1
    /// (the most merges it can take), credited as its merges are made when it is large (a dense window's one giant
    /// component is most of the work) and whole when it is done.
    /// </param>
    public static int[] Cluster(int count, IReadOnlyList<(int I, int J, double Similarity)> edges, double threshold, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default, IProgress<(int Done, int Total)>? clustered = null)
    {
        var parent = new int[count];
        for (var i = 0; i < count; i++)
            parent[i] = i;
        foreach (var (i, j, _) in edges)
            Union(parent, i, j);
        var root = new int[count];
        for (var i = 0; i < count; i++)
            root[i] = Find(parent, i);

        // nodes and edges grouped by component, in index order within each
        var componentOf = new int[count];
        Array.Fill(componentOf, -1);
        var components = 0;
        var firstNode = new List<int>();
        for (var i = 0; i < count; i++)
        {
            if (componentOf[root[i]] < 0)
            {
                componentOf[root[i]] = components++;
                firstNode.Add(i);
            }
            componentOf[i] = componentOf[root[i]];
        }
        var nodeStart = new int[components + 1];
        for (var i = 0; i < count; i++)
            nodeStart[componentOf[i] + 1]++;
        for (var c = 0; c < components; c++)
            nodeStart[c + 1] += nodeStart[c];
        var nodes = new int[count];
        var localIndex = new int[count];
        var fill = (int[])nodeStart.Clone();
        for (var i = 0; i < count; i++)
        {
            var c = componentOf[i];
            localIndex[i] = fill[c] - nodeStart[c];
            nodes[fill[c]++] = i;
        }
        var edgeStart = new int[components + 1];
        foreach (var (i, _, _) in edges)
            edgeStart[componentOf[i] + 1]++;
        for (var c = 0; c < components; c++)
            edgeStart[c + 1] += edgeStart[c];
        // edge indices grouped by component (4 bytes an edge, not a 16-byte copy of each edge), read through localIndex
        var grouped = new int[edges.Count];
        var edgeFill = (int[])edgeStart.Clone();
        for (var e = 0; e < edges.Count; e++)
            grouped[edgeFill[componentOf[edges[e].I]]++] = e;
        edgeFill = null;

        var label = new int[count];
        var steps = count - components;
        clustered?.Report((0, steps));
        var done = 0;
        var finished = 0;
        Parallel.For(0, components, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken }, c =>
        {
            var size = nodeStart[c + 1] - nodeStart[c];
            if (size == 1)
            {
                label[nodes[nodeStart[c]]] = nodes[nodeStart[c]];
                return;
            }
            var credited = 0;
            Action<int>? merged = clustered is null || size <= LargeComponent ? null : k =>
            {
                credited += k;
                clustered.Report((Interlocked.Add(ref done, k), steps));
            };
            var local = AverageLinkageClustering.Cluster(size, ComponentEdges(edges, grouped, edgeStart[c], edgeStart[c + 1] - edgeStart[c], localIndex), threshold, merged);
            for (var k = 0; k < size; k++)
                label[nodes[nodeStart[c] + k]] = nodes[nodeStart[c] + local[k]];
            var now = Interlocked.Add(ref done, size - 1 - credited);
            if (clustered is not null && (Interlocked.Increment(ref finished) % 1024 == 0 || size > LargeComponent))
                clustered.Report((now, steps));
        });
        clustered?.Report((steps, steps));
        return label;
    }

    /// <summary>Components above this many nodes report their merges as they go.</summary>
    private const int LargeComponent = 1000;

    /// <summary>One component's edges, in the component's node numbering, read from the whole graph's.</summary>
    private static ListView<(int I, int J, double Similarity)> ComponentEdges(IReadOnlyList<(int I, int J, double Similarity)> edges, int[] order, int start, int count, int[] localIndex) =>
        new(count, k =>
        {
            var (i, j, s) = edges[order[start + k]];
            return (localIndex[i], localIndex[j], s);
        });

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        if (ra != rb)
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }
}
