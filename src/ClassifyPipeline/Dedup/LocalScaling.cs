using ClassifyPipeline.IO;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// Pair-adaptive similarity for the story linkage (local scaling after Zelnik-Manor and Perona, 2004): each article's
/// <em>scale</em> σ is the cosine of its k-th nearest neighbour among the graph's edges (an article with fewer than k
/// neighbours has no scale of its own and keeps the reference: factor 1), and a pair counts in the average linkage with
/// <c>cosine · (reference / √(σᵢ·σⱼ))^exponent</c>. An article whose neighbours are all weak (a short or unusual
/// body: lower, noisier cosines) has its pairs raised; one in a crowd of near-copies has them lowered, so one global
/// story threshold cuts both at their own level. The scale depends only on the edges, so the stories stay independent
/// of input order, and the set of edges (and so the components) is unchanged: only their weights move.
/// </summary>
public sealed class LocalScaling
{
    private readonly double[] _factor;

    private LocalScaling(double[] factor) => _factor = factor;

    /// <summary>Each node's factor (reference / σ)^(exponent / 2): a pair's weight is its cosine times both ends' factors.</summary>
    public IReadOnlyList<double> Factors => _factor;

    /// <summary>
    /// The scales of <paramref name="count"/> nodes from their edges, or null when <see cref="DedupOptions.LocalScalingNeighbors"/>
    /// is 0 (off: the cosines count as they are).
    /// </summary>
    /// <param name="floor">The lowest scale: the lowest cosine an edge can have (the join threshold).</param>
    /// <remarks>
    /// Fewer than k neighbours keep factor 1 rather than the floor: in a small corpus every article has few neighbours,
    /// and the floor would raise every pair alike (×1.9 at the defaults), merging what plain cosines keep apart; on the
    /// FNC-1 development stories both give the same stories.
    /// </remarks>
    public static LocalScaling? Build(int count, IReadOnlyList<(int I, int J, double Cosine)> edges, DedupOptions options, double floor)
    {
        var k = options.LocalScalingNeighbors;
        if (k <= 0)
            return null;
        // the k highest cosines of each node, highest first (a row of k per node; NaN: none yet)
        var top = new double[(long)count * k];
        Array.Fill(top, double.NaN);
        foreach (var (i, j, cosine) in edges)
        {
            if (i == j)
                continue;
            Insert(top.AsSpan(i * k, k), cosine);
            Insert(top.AsSpan(j * k, k), cosine);
        }
        var factor = new double[count];
        var half = options.LocalScalingExponent / 2;
        for (var n = 0; n < count; n++)
        {
            var kth = top[(long)n * k + k - 1];
            var sigma = double.IsNaN(kth) ? options.LocalScalingReference : Math.Max(kth, floor);
            factor[n] = Math.Pow(options.LocalScalingReference / Math.Max(sigma, 1e-9), half);
        }
        return new LocalScaling(factor);
    }

    /// <summary>A pair's weight in the linkage.</summary>
    public double Weight(int i, int j, double cosine) => cosine * _factor[i] * _factor[j];

    /// <summary>The edges with their linkage weights instead of their cosines (a view: nothing is copied).</summary>
    public IReadOnlyList<(int I, int J, double Similarity)> Apply(IReadOnlyList<(int I, int J, double Cosine)> edges) =>
        new ListView<(int I, int J, double Similarity)>(edges.Count, k =>
        {
            var (i, j, cosine) = edges[k];
            return (i, j, Weight(i, j, cosine));
        });

    private static void Insert(Span<double> row, double value)
    {
        // NaN slots sit at the end; keep the row sorted highest first
        var at = row.Length - 1;
        if (!double.IsNaN(row[at]) && row[at] >= value)
            return;
        while (at > 0 && (double.IsNaN(row[at - 1]) || row[at - 1] < value))
        {
            row[at] = row[at - 1];
            at--;
        }
        row[at] = value;
    }
}
