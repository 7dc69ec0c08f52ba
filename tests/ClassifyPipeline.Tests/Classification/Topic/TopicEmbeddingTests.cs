using ClassifyPipeline.Classification.Topic;
using ClassifyPipeline.Tests.Support;
using ClassifyPipeline.Tests.Vectors;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;
using CliRunner = ClassifyPipeline.Tests.Support.Cli;

namespace ClassifyPipeline.Tests.Classification.Topic;

/// <summary>Sentence embeddings as a feature block of topic models (issue 15). Training sets are tiny: MiniLM embeds about 20-60 texts/s on 2 cores.</summary>
public sealed class TopicEmbeddingTests
{
    private static byte[] Bytes(TopicModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    private static List<CleanArticle> Cleaned(LabeledData data, CleanOptions clean)
    {
        var cleaner = new ArticleCleaner(clean);
        return data.Articles.Select(a => cleaner.Clean(a.Article)).ToList();
    }

    [Fact]
    public void SaveLoad_MiniLmModel_RecordsTheEncoderAndPredictsTheSame()
    {
        var options = new TopicTrainingOptions { Embeddings = TopicEmbeddings.MiniLm, EmbeddingWeight = 2, CalibrationFolds = 2 };
        var cache = new SentenceEmbeddings(MiniLmEmbedder.Shared); // one cache: each (long) text is embedded once
        var model = new TopicEstimator(options, cache).Fit(BbcSamples.Take(2));
        Assert.Equal(TopicEmbeddings.MiniLm, model.Embeddings);
        Assert.Equal(384, model.EmbeddingDimension);

        var loaded = TopicModel.Load(new MemoryStream(Bytes(model)));
        Assert.Equal(TopicEmbeddings.MiniLm, loaded.Embeddings);
        Assert.Equal(2, loaded.EmbeddingWeight);
        Assert.Equal(384, loaded.EmbeddingDimension);
        var articles = Cleaned(BbcSamples.Take(1, offset: 5), loaded.Clean);
        var before = model.Predict(articles, 0.5, CancellationToken.None, cache);
        var after = loaded.Predict(articles, 0.5, CancellationToken.None, cache);
        Assert.Equal(before.Select(p => (p.Label, p.Score)), after.Select(p => (p.Label, p.Score)));
        // the block is used: without it (weight 0 in the features) the scores differ
        var embedding = loaded.Embed(articles, cache)![0];
        var analyzer = new TextAnalyzer(loaded.Analysis);
        Assert.NotEqual(loaded.Scores(loaded.Featurize(articles[0], analyzer, embedding)),
            loaded.Scores(loaded.Featurize(articles[0], analyzer, new float[384])));
    }

    [Theory]
    [InlineData(TopicEmbeddings.MiniLm, null, 0.25f, "embeddings=minilm*0.25/lead")]
    [InlineData(TopicEmbeddings.ArcticXs, null, 0.5f, "embeddings=arcticxs*0.5/lead")]
    [InlineData(TopicEmbeddings.ArcticXs, 0.25f, 0.25f, "embeddings=arcticxs*0.25/lead")]
    [InlineData(TopicEmbeddings.None, 3f, 0f, "embeddings=none")]
    public void EffectiveEmbeddingWeight_NoWeightGiven_TheEncodersOwnDefault(TopicEmbeddings embeddings, float? weight, float effective, string setting)
    {
        var options = new TopicTrainingOptions { Embeddings = embeddings, EmbeddingWeight = weight };
        Assert.Equal(effective, options.EffectiveEmbeddingWeight);
        Assert.Contains(";" + setting + ";", options.Settings);
        // the cache key is the weight used, whether given or defaulted
        if (embeddings != TopicEmbeddings.None)
            Assert.Equal(options.Settings, (options with { EmbeddingWeight = effective }).Settings);
    }

    [Fact]
    public void Fit_EmbeddingsNone_TheTfIdfModelWhateverTheWeight()
    {
        var data = BbcSamples.Take(8);
        var plain = new TopicEstimator(new TopicTrainingOptions()).Fit(data);
        var none = new TopicEstimator(new TopicTrainingOptions { Embeddings = TopicEmbeddings.None, EmbeddingWeight = 3 }).Fit(data);
        Assert.Equal(TopicEmbeddings.None, none.Embeddings);
        Assert.Equal(0, none.EmbeddingDimension);
        Assert.Equal(0, none.EmbeddingWeight);
        Assert.Equal(Bytes(plain), Bytes(none));
        Assert.Null(none.Embed(Cleaned(data, none.Clean)));
    }

    /// <summary>A version-5 model (before the embedding block) is the same bytes less the encoder name, weight, dimension and text: it loads, without embeddings.</summary>
    [Fact]
    public void Load_FormatVersion5_LoadsWithoutEmbeddingsAndPredictsTheSame()
    {
        var model = new TopicEstimator(new TopicTrainingOptions()).Fit(BbcSamples.Take(8));
        var bytes = Bytes(model);
        using var vocabulary = new MemoryStream();
        model.Vocabulary.Save(vocabulary);
        var embeddingEnd = bytes.Length - (int)vocabulary.Length - 4 - 4 * model.Vocabulary.Terms.Count * model.Labels.Count;
        var block = bytes[(embeddingEnd - 13)..embeddingEnd];
        Assert.Equal(new byte[13], block); // "" (length 0), weight 0, dimension 0, embedding text Lead (format 7)
        var v5 = bytes[..(embeddingEnd - 13)].Concat(bytes[embeddingEnd..]).ToArray();
        BitConverter.TryWriteBytes(v5.AsSpan(8, 4), 5);

        var loaded = TopicModel.Load(new MemoryStream(v5));
        Assert.Equal(TopicEmbeddings.None, loaded.Embeddings);
        var articles = Cleaned(BbcSamples.Take(2, offset: 4), loaded.Clean);
        Assert.Equal(model.Predict(articles, 0.5, CancellationToken.None).Select(p => (p.Label, p.Score)),
            loaded.Predict(articles, 0.5, CancellationToken.None).Select(p => (p.Label, p.Score)));
    }

    [Fact]
    public void RepeatedCrossValidate_WithEmbeddings_EachTextEmbeddedOnceForEveryFoldAndRepeat()
    {
        var data = BbcSamples.Take(4);
        var encoder = new SentenceEmbeddingsTests.CountingEmbedder(MiniLmEmbedder.EncoderName, MiniLmEmbedder.Size);
        var cache = new SentenceEmbeddings(encoder);
        var options = new TopicTrainingOptions { Embeddings = TopicEmbeddings.MiniLm, CalibrationFolds = 2 };
        var results = TopicEvaluator.RepeatedCrossValidate(data, null, options, folds: 2, repeats: 2, embeddings: cache);
        Assert.Equal(2, results.Count);
        Assert.Equal(data.Articles.Count, cache.Encoded);
        Assert.Equal(data.Articles.Count, encoder.Batches.Sum(b => b.Length));
    }

    [Fact]
    public void Featurize_EmbeddingModelWithoutTheEmbedding_Throws()
    {
        var data = BbcSamples.Take(3);
        var encoder = new SentenceEmbeddingsTests.CountingEmbedder(MiniLmEmbedder.EncoderName, MiniLmEmbedder.Size);
        var model = new TopicEstimator(new TopicTrainingOptions { Embeddings = TopicEmbeddings.MiniLm, CalibrationFolds = 0 }, new SentenceEmbeddings(encoder)).Fit(data);
        var article = Cleaned(data, model.Clean)[0];
        var e = Assert.Throws<ArgumentException>(() => model.Featurize(article, new TextAnalyzer(model.Analysis)));
        Assert.Contains("minilm embedding", e.Message);
    }

    [Fact]
    public void Fit_NbScalingWithEmbeddings_Refused() =>
        Assert.Throws<ArgumentException>(() => new TopicEstimator(new TopicTrainingOptions { Embeddings = TopicEmbeddings.MiniLm, NbScaling = true }).Fit(BbcSamples.Take(3)));

    [Theory]
    [InlineData("--embeddings bert", "bert")]
    [InlineData("--embeddings minilm --nb-scaling", "--embeddings none")]
    [InlineData("--embedding-weight -1", "--embedding-weight is -1")]
    public async Task Train_BadEmbeddingOptions_UsageErrorNothingWritten(string options, string message)
    {
        using var dir = new TempDirectory();
        var data = dir.File("d.jsonl", "{\"label\": \"a\", \"text\": \"apples and pears\"}\n{\"label\": \"b\", \"text\": \"cars and trucks\"}\n");
        var model = Path.Combine(dir.Path, "m.model");
        var result = await CliRunner.Run(["train", "topic", data, "--out", model, .. options.Split(' ')]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.False(File.Exists(model));
    }

    /// <summary><c>train topic</c> with no flags embeds (arctic-embed-xs at its weight 0.5): the model says so, and predict and eval --model embed the articles themselves.</summary>
    [Fact]
    public async Task TrainPredictEval_Defaults_ArcticXsModelEndToEnd()
    {
        using var dir = new TempDirectory();
        var train = BbcSamples.WriteJsonl(dir, "train.jsonl", 3);
        var test = BbcSamples.WriteJsonl(dir, "test.jsonl", 1, offset: 3);
        var model = Path.Combine(dir.Path, "topic.model");
        var trained = await CliRunner.Run("train", "topic", train, "--out", model, "--calibration-folds", "0");
        Assert.True(trained.ExitCode == 0, trained.Error);
        Assert.Contains("embedded 15 texts (arcticxs)", trained.Error);
        using var file = File.OpenRead(model);
        var loaded = TopicModel.Load(file);
        Assert.Equal(TopicEmbeddings.ArcticXs, loaded.Embeddings);
        Assert.Equal(0.5f, loaded.EmbeddingWeight);

        var predictions = Path.Combine(dir.Path, "pred.jsonl");
        var predicted = await CliRunner.Run("predict", "topic", test, "--model", model, "--out", predictions);
        Assert.True(predicted.ExitCode == 0, predicted.Error);
        Assert.Equal(5, File.ReadAllLines(predictions).Length);
        Assert.Contains("embedded 5 texts (arcticxs)", predicted.Error);
        var evaluated = await CliRunner.Run("eval", "topic", test, "--model", model);
        Assert.True(evaluated.ExitCode == 0, evaluated.Error);
        Assert.Contains("accuracy  ", evaluated.Output);
    }
}
