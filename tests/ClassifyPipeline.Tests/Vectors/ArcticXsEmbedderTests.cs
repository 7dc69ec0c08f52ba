using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Tests.Vectors;

/// <summary>The arctic-embed-xs encoder (issue 15): unit vectors of its size, nearer for texts about the same thing.</summary>
public sealed class ArcticXsEmbedderTests
{
    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    [Fact]
    public void Encode_ThreeTexts_UnitVectorsSameTopicNearer()
    {
        var vectors = ArcticXsEmbedder.Shared.Encode(
            ["The striker scored twice as the club won the league.", "A late goal gave the football team the title.", "The central bank raised interest rates again."],
            CancellationToken.None);
        Assert.Equal(3, vectors.Length);
        Assert.All(vectors, v => Assert.Equal(ArcticXsEmbedder.Size, v.Length));
        Assert.All(vectors, v => Assert.Equal(1, Math.Sqrt(Dot(v, v)), 3));
        Assert.True(Dot(vectors[0], vectors[1]) > Dot(vectors[0], vectors[2]));
        Assert.Equal("arcticxs", ArcticXsEmbedder.Shared.Name);
    }
}
