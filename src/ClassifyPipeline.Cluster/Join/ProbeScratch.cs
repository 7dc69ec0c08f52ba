namespace ClassifyPipeline.Cluster.Join;

/// <summary>One thread's working memory for probing a <see cref="ProbeIndex"/>: sums per document and the probe scattered densely.</summary>
internal sealed class ProbeScratch(int documents, int dims)
{
    private int[] _order = new int[256];
    private int[] _lengths = new int[256];
    private bool[] _skip = new bool[256];

    /// <summary>Per document of the index probed, its partial dot product (0 when not reached, and between probes).</summary>
    public float[] Sums { get; } = new float[documents];

    /// <summary>The probe's weights by term id (zero elsewhere, between probes).</summary>
    public float[] Dense { get; } = new float[dims];

    public Span<int> Order(int count) => (_order = Grow(_order, count)).AsSpan(0, count);

    public Span<int> Lengths(int count) => (_lengths = Grow(_lengths, count)).AsSpan(0, count);

    public Span<bool> Skip(int count) => (_skip = Grow(_skip, count)).AsSpan(0, count);

    private static T[] Grow<T>(T[] array, int count) => array.Length >= count ? array : new T[Math.Max(count, 2 * array.Length)];
}
