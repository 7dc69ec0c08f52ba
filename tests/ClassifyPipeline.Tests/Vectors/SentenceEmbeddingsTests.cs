using ClassifyPipeline.IO;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Tests.Vectors;

public sealed class SentenceEmbeddingsTests
{
    /// <summary>A stand-in encoder: the vector of a text is its length and its first character, normalized; it counts what it is asked.</summary>
    internal sealed class CountingEmbedder(string name = "counting", int dimension = 2) : ISentenceEmbedder
    {
        public List<string[]> Batches { get; } = [];

        public string Name => name;

        public int Dimension => dimension;

        public float[][] Encode(string[] texts, CancellationToken cancellationToken)
        {
            Batches.Add(texts);
            return texts.Select(t =>
            {
                var v = new float[dimension];
                v[0] = t.Length;
                v[1] = t.Length == 0 ? 1 : t[0];
                var norm = MathF.Sqrt(v.Sum(x => x * x));
                return v.Select(x => x / norm).ToArray();
            }).ToArray();
        }
    }

    [Fact]
    public void Embed_RepeatedTexts_EachEncodedOnceAcrossCalls()
    {
        var encoder = new CountingEmbedder();
        var cache = new SentenceEmbeddings(encoder, batchSize: 2);
        var first = cache.Embed(["bb", "a", "bb", "ccc"]);
        var second = cache.Embed(["ccc", "a", "dddd"]);
        Assert.Equal(4, cache.Encoded);
        Assert.Equal(["a", "bb", "ccc", "dddd"], encoder.Batches.SelectMany(b => b));
        Assert.Same(first[0], first[2]);
        Assert.Same(first[3], second[0]);
        Assert.Same(first[1], second[1]);
        Assert.Equal(encoder.Encode(["dddd"], default)[0], second[2]);
    }

    [Fact]
    public void Embed_LongList_BatchesShortestFirstResultsInInputOrder()
    {
        var encoder = new CountingEmbedder();
        var reports = new List<RunProgress>();
        var cache = new SentenceEmbeddings(encoder, new SynchronousProgress<RunProgress>(reports.Add), batchSize: 3);
        string[] texts = ["eeeee", "a", "dddd", "bb", "ccc"];
        var vectors = cache.Embed(texts);
        Assert.Equal([["a", "bb", "ccc"], ["dddd", "eeeee"]], encoder.Batches);
        for (var i = 0; i < texts.Length; i++)
            Assert.Equal(new CountingEmbedder().Encode([texts[i]], default)[0], vectors[i]);
        Assert.Equal([new RunProgress("embed", 0, 5), new RunProgress("embed", 3, 5), new RunProgress("embed", 5, 5)], reports);
    }

    [Fact]
    public void Embed_EncoderReturnsWrongDimension_Throws()
    {
        var cache = new SentenceEmbeddings(new WrongEmbedder());
        Assert.Throws<InvalidOperationException>(() => cache.Embed(["x"]));
    }

    private sealed class WrongEmbedder : ISentenceEmbedder
    {
        public string Name => "wrong";

        public int Dimension => 3;

        public float[][] Encode(string[] texts, CancellationToken cancellationToken) => texts.Select(_ => new float[2]).ToArray();
    }
}
