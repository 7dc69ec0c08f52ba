using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// Exact cosine of every pair of documents at or above a threshold, computed by accumulating dot products
/// over an inverted index (only pairs that share a term are touched). Exhaustive: the reference the
/// candidate indexes are measured against.
/// </summary>
public static class AllPairsSimilarity
{
    /// <summary>Pairs (i, j) with i &lt; j and cosine ≥ <paramref name="threshold"/>, ordered by i then j.</summary>
    public static List<(int I, int J, double Cosine)> Find(IReadOnlyList<SparseVector> vectors, double threshold, CancellationToken cancellationToken = default)
    {
        var postings = new Dictionary<int, List<(int Doc, float Weight)>>();
        var result = new List<(int, int, double)>();
        var scores = new Dictionary<int, double>();
        for (var j = 0; j < vectors.Count; j++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var v = vectors[j];
            scores.Clear();
            for (var k = 0; k < v.Count; k++)
            {
                if (!postings.TryGetValue(v.Indices[k], out var list))
                    continue;
                foreach (var (doc, weight) in list)
                    scores[doc] = scores.GetValueOrDefault(doc) + (double)weight * v.Values[k];
            }
            foreach (var (i, score) in scores.OrderBy(s => s.Key))
            {
                if (score >= threshold)
                    result.Add((i, j, Math.Min(1.0, score)));
            }
            for (var k = 0; k < v.Count; k++)
            {
                if (!postings.TryGetValue(v.Indices[k], out var list))
                    postings[v.Indices[k]] = list = [];
                list.Add((j, v.Values[k]));
            }
        }
        result.Sort((a, b) => a.Item1 != b.Item1 ? a.Item1.CompareTo(b.Item1) : a.Item2.CompareTo(b.Item2));
        return result;
    }
}
