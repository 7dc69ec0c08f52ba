using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Tests.Vectors;

public sealed class EmbeddingStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "embedding-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void TryRead_WrittenVector_RoundTripsPerEncoderAndText()
    {
        var store = new EmbeddingStore(_folder);
        store.Write("enc", "a text", [0.6f, -0.8f]);
        Assert.Equal([0.6f, -0.8f], store.TryRead("enc", 2, "a text")!);
        Assert.Null(store.TryRead("enc", 2, "another text"));
        Assert.Null(store.TryRead("other", 2, "a text"));
        Assert.Null(store.TryRead("enc", 3, "a text"));
    }

    [Fact]
    public void Embed_SecondCacheOnSameStore_ReadsInsteadOfEncoding()
    {
        var first = new SentenceEmbeddingsTests.CountingEmbedder();
        var before = new SentenceEmbeddings(first, store: new EmbeddingStore(_folder)).Embed(["bb", "a"]);
        var second = new SentenceEmbeddingsTests.CountingEmbedder();
        var cache = new SentenceEmbeddings(second, store: new EmbeddingStore(_folder));
        var after = cache.Embed(["a", "ccc", "bb"]);
        Assert.Equal([["ccc"]], second.Batches);
        Assert.Equal(2, cache.Stored);
        Assert.Equal(1, cache.Encoded);
        Assert.Equal(before[1], after[0]);
        Assert.Equal(before[0], after[2]);
        Assert.Equal(second.Encode(["ccc"], default)[0], after[1]);
    }
}
