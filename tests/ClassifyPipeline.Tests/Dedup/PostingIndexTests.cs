using ClassifyPipeline.Dedup;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class PostingIndexTests
{
    private static readonly Lazy<IReadOnlyList<SparseVector>> Fnc1Bodies = new(() => DedupCorpus.Vectorize(DedupCorpus.Fnc1Articles.Take(600).ToList()));

    [Theory]
    [InlineData(0.05, 4)]
    [InlineData(0.09, 32)]
    [InlineData(0.5, int.MaxValue)]
    public void Skipped_SumPlusSkippedShare_IsTheWholeDotProduct(double budget, int skippable)
    {
        var vectors = Fnc1Bodies.Value;
        var dims = vectors.Max(v => v.Count == 0 ? 0 : v.Indices[^1] + 1);
        var index = new PostingIndex(vectors.ToArray(), 0, vectors.Count, dims, null, commonPostings: 8, skippable);
        Assert.InRange(index.CommonCount, 1, skippable);
        var overlap = new float[vectors.Count];
        var skipped = new float[2 * index.CommonCount];
        var anySkipped = false;
        for (var j = 0; j < vectors.Count; j += 7)
        {
            var bound = index.Accumulate(vectors[j], 0, vectors.Count, budget, overlap, new int[vectors[j].Count], wholeLists: true, skipped);
            Assert.InRange(bound, 0, budget);
            anySkipped |= bound > 0;
            for (var i = 0; i < vectors.Count; i++)
            {
                var dot = vectors[i].Dot(vectors[j]);
                var share = index.Skipped(i, skipped);
                Assert.True(Math.Abs(dot - (overlap[i] + share)) < 1e-5, $"document {i}: sum {overlap[i]} + skipped share {share} is not the dot product {dot}");
                Assert.True(share <= bound + 1e-6, $"document {i}: skipped share {share} above the bound {bound}");
            }
            index.ClearSkipped(vectors[j], skipped);
            Assert.All(skipped, w => Assert.Equal(0f, w));
            Array.Clear(overlap);
        }
        Assert.True(anySkipped, "no probe skipped anything: the test checks nothing");
    }
}
