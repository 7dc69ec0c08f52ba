using ClassifyPipeline.Classification.Topic;
using ClassifyPipeline.Tests.Vectors;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Tests.Classification.Topic;

/// <summary>What the sentence encoder reads of an article: the lead, or the whole body in averaged windows (issue 15).</summary>
public sealed class TopicEmbeddingTextTests
{
    private static string Words(int count, string prefix = "w") =>
        string.Join(' ', Enumerable.Range(0, count).Select(i => prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static byte[] Bytes(TopicModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Chunks_ShortBody_OneTextTitleLineBreakWords()
    {
        Assert.Equal(["Title\none two three"], TopicEmbeddingTexts.Chunks("Title", "one  two\nthree "));
        Assert.Equal(["one two"], TopicEmbeddingTexts.Chunks("", "one two"));
        Assert.Equal(["Title"], TopicEmbeddingTexts.Chunks("Title", "  \n "));
    }

    [Fact]
    public void Chunks_LongBody_FewestEqualWindowsEveryWordOnceInOrder()
    {
        var body = Words(170);
        var chunks = TopicEmbeddingTexts.Chunks("T", body);
        Assert.Equal(2, chunks.Length); // 85 + 85, not 160 + 10
        Assert.StartsWith("T\nw0 ", chunks[0]);
        Assert.Equal(85, chunks[0]["T\n".Length..].Split(' ').Length);
        Assert.Equal(85, chunks[1].Split(' ').Length);
        Assert.Equal(body, chunks[0]["T\n".Length..] + " " + chunks[1]);

        var sizes = TopicEmbeddingTexts.Chunks("", Words(3 * TopicEmbeddingTexts.ChunkWords + 2)).Select(c => c.Split(' ').Length).ToArray();
        Assert.Equal([121, 121, 120, 120], sizes); // 482 words: the first (482 % 4) windows take one more
        Assert.Single(TopicEmbeddingTexts.Chunks("", Words(TopicEmbeddingTexts.ChunkWords)));
    }

    [Fact]
    public void Texts_Lead_TheTitleAndTheStartOfTheBodyAsBefore()
    {
        var body = Words(600);
        var article = new CleanArticle(new ClassifyPipeline.Articles.Article("a", null, null, "Title", body, null), "Title", body, false);
        Assert.Equal([TopicFeatures.EmbeddingText(article)], TopicEmbeddingTexts.Texts(article, TopicEmbeddingText.Lead));
        Assert.Equal(4, TopicEmbeddingTexts.Texts(article, TopicEmbeddingText.Chunks).Length);
    }

    [Fact]
    public void Embed_SeveralTexts_RenormalizedMeanOneEncoderCall()
    {
        var encoder = new SentenceEmbeddingsTests.CountingEmbedder();
        var cache = new SentenceEmbeddings(encoder, batchSize: 8);
        // the counting encoder maps a text to (length, first char) normalized
        var vectors = TopicEmbeddingTexts.Embed(cache, [["ab"], ["a", "bbbb"]]);
        var single = cache.Embed(["ab"])[0];
        Assert.Equal(single, vectors[0]);
        var a = cache.Embed(["a"])[0];
        var b = cache.Embed(["bbbb"])[0];
        var mean = new[] { a[0] + b[0], a[1] + b[1] };
        var norm = MathF.Sqrt(mean[0] * mean[0] + mean[1] * mean[1]);
        Assert.Equal(mean[0] / norm, vectors[1][0], 5);
        Assert.Equal(mean[1] / norm, vectors[1][1], 5);
        Assert.Equal(1, MathF.Sqrt(vectors[1].Sum(x => x * x)), 5);
        Assert.Single(encoder.Batches);
    }

    [Fact]
    public void SaveLoad_ChunksModel_RecordsTheTextAndEmbedsEveryWindow()
    {
        var data = BbcSamples.Take(3);
        var encoder = new SentenceEmbeddingsTests.CountingEmbedder(MiniLmEmbedder.EncoderName, MiniLmEmbedder.Size);
        var cache = new SentenceEmbeddings(encoder);
        var options = new TopicTrainingOptions { Embeddings = TopicEmbeddings.MiniLm, EmbeddingText = TopicEmbeddingText.Chunks, CalibrationFolds = 0 };
        var model = new TopicEstimator(options, cache).Fit(data);
        Assert.Equal(TopicEmbeddingText.Chunks, model.EmbeddingText);
        var cleaner = new ArticleCleaner(model.Clean);
        var windows = data.Articles.Sum(a => TopicEmbeddingTexts.Texts(cleaner.Clean(a.Article), TopicEmbeddingText.Chunks).Length);
        Assert.True(windows > data.Articles.Count, "BBC articles are longer than one window");
        Assert.Equal(windows, cache.Encoded);

        var loaded = TopicModel.Load(new MemoryStream(Bytes(model)));
        Assert.Equal(TopicEmbeddingText.Chunks, loaded.EmbeddingText);
        Assert.Equal(Bytes(model), Bytes(loaded));
        Assert.NotEqual(options.Settings, (options with { EmbeddingText = TopicEmbeddingText.Lead }).Settings);
    }

    /// <summary>A version-6 model is the same bytes less the embedding text: it loads, reading the lead.</summary>
    [Fact]
    public void Load_FormatVersion6_LoadsReadingTheLead()
    {
        var model = new TopicEstimator(new TopicTrainingOptions()).Fit(BbcSamples.Take(8));
        var bytes = Bytes(model);
        using var vocabulary = new MemoryStream();
        model.Vocabulary.Save(vocabulary);
        var textEnd = bytes.Length - (int)vocabulary.Length - 4 - 4 * model.Vocabulary.Terms.Count * model.Labels.Count;
        Assert.Equal(new byte[4], bytes[(textEnd - 4)..textEnd]); // Lead = 0
        var v6 = bytes[..(textEnd - 4)].Concat(bytes[textEnd..]).ToArray();
        BitConverter.TryWriteBytes(v6.AsSpan(8, 4), 6);

        var loaded = TopicModel.Load(new MemoryStream(v6));
        Assert.Equal(TopicEmbeddingText.Lead, loaded.EmbeddingText);
        BitConverter.TryWriteBytes(bytes.AsSpan(textEnd - 4, 4), 7); // an unknown embedding text
        var e = Assert.Throws<InvalidDataException>(() => TopicModel.Load(new MemoryStream(bytes)));
        Assert.Contains("embedding text", e.Message);
    }
}
