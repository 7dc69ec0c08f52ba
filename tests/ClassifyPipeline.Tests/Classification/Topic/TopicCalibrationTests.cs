using ClassifyPipeline.Classification.Topic;
using ClassifyPipeline.Text;
using CliRunner = ClassifyPipeline.Tests.Support.Cli;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Classification.Topic;

public sealed class TopicCalibrationTests
{
    /// <summary>Scores drawn so that P(positive | m) = σ(2m − 1) exactly: Platt scaling should find a ≈ 2, b ≈ −1.</summary>
    [Fact]
    public void PlattFit_ScoresFromAKnownLogistic_RecoversItsParameters()
    {
        var random = new Random(7);
        var margins = new List<double>();
        var positive = new List<bool>();
        for (var i = 0; i < 20_000; i++)
        {
            var m = random.NextDouble() * 6 - 3;
            margins.Add(m);
            positive.Add(random.NextDouble() < 1 / (1 + Math.Exp(-(2 * m - 1))));
        }
        var (a, b) = PlattScaling.Fit(margins, positive);
        Assert.InRange(a, 1.9, 2.1);
        Assert.InRange(b, -1.1, -0.9);
    }

    /// <summary>Separable data: the smoothed targets keep the fit finite, and the scores still order and separate the classes.</summary>
    [Fact]
    public void PlattFit_SeparableScores_FiniteAndSeparating()
    {
        double[] margins = [-3, -2, -1.5, -1, 1, 1.5, 2, 3];
        bool[] positive = [false, false, false, false, true, true, true, true];
        var (a, b) = PlattScaling.Fit(margins, positive);
        Assert.True(double.IsFinite(a) && double.IsFinite(b) && a > 0, $"a {a}, b {b}");
        // The cross-entropy optimum against targets 1/6 and 5/6 (checked by grid search): a = 0.80, b = 0.
        Assert.Equal(0.80, a, 2);
        Assert.Equal(0.0, b, 2);
        Assert.True(PlattScaling.Probability(-1, a, b) < 0.5 && PlattScaling.Probability(1, a, b) > 0.5);
        Assert.True(PlattScaling.Probability(-3, a, b) < PlattScaling.Probability(-1, a, b));
        // Platt's targets for 4 positives are 5/6, not 1: the fit does not claim certainty from 8 examples.
        Assert.True(PlattScaling.Probability(3, a, b) < 0.999);
    }

    [Fact]
    public void PlattFit_NoScores_Identity() => Assert.Equal((1.0, 0.0), PlattScaling.Fit([], []));

    /// <summary>Three classes whose true probabilities are softmax(0.5·m): the fitted scale should be about 0.5.</summary>
    [Fact]
    public void TemperatureFit_ScoresFromAKnownSoftmax_RecoversTheScale()
    {
        var random = new Random(11);
        var rows = new List<double[]>();
        var classes = new List<int>();
        for (var i = 0; i < 20_000; i++)
        {
            var m = new[] { random.NextDouble() * 8 - 4, random.NextDouble() * 8 - 4, random.NextDouble() * 8 - 4 };
            var e = m.Select(x => Math.Exp(0.5 * x)).ToArray();
            var u = random.NextDouble() * e.Sum();
            var c = u < e[0] ? 0 : u < e[0] + e[1] ? 1 : 2;
            rows.Add(m);
            classes.Add(c);
        }
        Assert.InRange(TemperatureScaling.Fit(rows, classes), 0.45, 0.55);
    }

    [Fact]
    public void Reliability_KnownPredictions_BinsAndEce()
    {
        // Bin 0.9-1.0: four at 0.95, three right (0.75): gap 0.2. Bin 0.5-0.6: two at 0.55, one right (0.5): gap 0.05.
        var table = ReliabilityTable.From([(0.95, true), (0.95, true), (0.95, true), (0.95, false), (0.55, true), (0.55, false)]);
        Assert.Equal(10, table.Bins.Count);
        Assert.Equal(4, table.Bins[9].Count);
        Assert.Equal(0.75, table.Bins[9].Accuracy, 10);
        Assert.Equal(4.0 / 6 * 0.2 + 2.0 / 6 * 0.05, table.ExpectedCalibrationError, 10);
        Assert.Equal(0, table.BelowConfidence(0.5));
        Assert.Equal(2.0 / 6, table.BelowConfidence(0.6), 10);
        Assert.Equal(1, ReliabilityTable.From([(1.0, true)]).Bins[9].Count);
    }

    [Fact]
    public void Fit_Default_CalibratedAndSavedInTheModel()
    {
        var model = new TopicEstimator(new TopicTrainingOptions()).Fit(BbcSamples.Take(40));
        Assert.True(model.Calibrated);
        Assert.Equal(TopicScoring.Softmax, model.Scoring);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = TopicModel.Load(stream);
        Assert.True(loaded.Calibrated);
        Assert.Equal(model.Scales, loaded.Scales);
        Assert.Equal(model.Offsets, loaded.Offsets);
        var cleaner = new ArticleCleaner(loaded.Clean);
        var articles = BbcSamples.Take(5, offset: 5).Articles.Select(a => cleaner.Clean(a.Article)).ToList();
        Assert.Equal(model.Predict(articles, 0.5, CancellationToken.None).Select(p => (p.Label, p.Score)),
            loaded.Predict(articles, 0.5, CancellationToken.None).Select(p => (p.Label, p.Score)));
        // Probabilities over the five sections: an article's label scores sum to 1.
        var sum = loaded.Scores(loaded.Featurize(articles[0], new TextAnalyzer(loaded.Analysis))).Sum();
        Assert.Equal(1, sum, 6);
    }

    [Fact]
    public void Fit_CalibrationOff_RawLogisticOfTheMargin()
    {
        var model = new TopicEstimator(new TopicTrainingOptions { CalibrationFolds = 0 }).Fit(BbcSamples.Take(20));
        Assert.False(model.Calibrated);
        Assert.Equal(TopicScoring.Sigmoid, model.Scoring);
        Assert.All(model.Scales, a => Assert.Equal(1, a));
    }

    [Fact]
    public void Fit_CleanSettings_SavedInTheModel()
    {
        var clean = new CleanOptions { Normalization = UnicodeNormalization.Nfkc, FooterPatterns = ["^Read more.*"], TitleMaxWords = 20 };
        var model = new TopicEstimator(new TopicTrainingOptions { Clean = clean, CalibrationFolds = 0 }).Fit(BbcSamples.Take(10));
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = TopicModel.Load(stream);
        Assert.Equal(UnicodeNormalization.Nfkc, loaded.Clean.Normalization);
        Assert.Equal(["^Read more.*"], loaded.Clean.FooterPatterns);
        Assert.Equal(20, loaded.Clean.TitleMaxWords);
        Assert.Equal(TopicTrainingOptions.CleanSettings(clean), TopicTrainingOptions.CleanSettings(loaded.Clean));
    }

    [Fact]
    public async Task EvalTopic_CrossValidation_PrintsReliabilityTableAndEce()
    {
        using var dir = new TempDirectory();
        var data = BbcSamples.WriteJsonl(dir, "data.jsonl", 20);
        var result = await CliRunner.Run("eval", "topic", data, "--folds", "3", "--embeddings", "none", "--out", Path.Combine(dir.Path, "m.json"));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("reliability of the top score", result.Output);
        Assert.Contains("0.9-1.0", result.Output);
        Assert.Matches(@"ECE \(10 bins\)  0\.\d{4}", result.Output);
        Assert.Contains("uncertain at minConfidence 0.5", result.Output);
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "m.json"))).RootElement;
        Assert.InRange(json.GetProperty("ece").GetDouble(), 0, 1);
        Assert.Equal(10, json.GetProperty("reliability").GetArrayLength());
    }

    /// <summary>A version-3 model (before calibration and clean settings): the same bytes less those two blocks still loads, uncalibrated.</summary>
    [Fact]
    public void Load_FormatVersion3_LoadsUncalibratedWithDefaultCleanSettings()
    {
        var model = new TopicEstimator(new TopicTrainingOptions { CalibrationFolds = 0 }).Fit(BbcSamples.Take(10));
        using var current = new MemoryStream();
        model.Save(current);
        var bytes = current.ToArray();
        // The header up to and including the lead weight, written as Save writes it.
        using var header = new MemoryStream();
        using (var w = new BinaryWriter(header, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write("CPTOPIC\n"u8.ToArray());
            w.Write(3);
            w.Write(model.MultiLabel);
            w.Write((int)model.Scoring);
            w.Write(model.Trainer);
            w.Write((int)model.Analysis.StopWords);
            w.Write((int)model.Analysis.Stemming);
            w.Write(model.Analysis.MaxNGram);
            w.Write(model.Analysis.MinTokenLength);
            w.Write(model.Analysis.MaxTokenLength);
            w.Write(model.Analysis.TitleWeight);
            w.Write(model.Labels.Count);
            for (var l = 0; l < model.Labels.Count; l++)
            {
                w.Write(model.Labels[l]);
                w.Write(0f);
                w.Write(0f);
            }
            w.Write(model.FallbackThreshold);
            w.Write(model.LeadWeight);
        }
        var headerLength = (int)header.Length;
        var calibrationAndClean = 1 + 8 * model.Labels.Count + 4 + 4 + 4 + 4 + 4 + 8 + 9 + 4; // calibration, clean settings, (version 5) the top-score calibration, (version 6) the embedding block: "", weight, dimension, and (version 7) the embedding text
        var v3 = bytes[..headerLength].Concat(bytes[(headerLength + calibrationAndClean)..]).ToArray();
        BitConverter.TryWriteBytes(v3.AsSpan(8, 4), 3);

        var loaded = TopicModel.Load(new MemoryStream(v3));
        Assert.False(loaded.Calibrated);
        Assert.All(loaded.Scales, a => Assert.Equal(1, a));
        Assert.Equal(TopicTrainingOptions.CleanSettings(new CleanOptions()), TopicTrainingOptions.CleanSettings(loaded.Clean));
        var cleaner = new ArticleCleaner(new CleanOptions());
        var articles = BbcSamples.Take(3, offset: 4).Articles.Select(a => cleaner.Clean(a.Article)).ToList();
        Assert.Equal(model.Predict(articles, 0.5, CancellationToken.None).Select(p => (p.Label, p.Score)),
            loaded.Predict(articles, 0.5, CancellationToken.None).Select(p => (p.Label, p.Score)));
    }
}
