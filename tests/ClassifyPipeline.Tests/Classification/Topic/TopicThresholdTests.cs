using ClassifyPipeline.Classification.Topic;
using ClassifyPipeline.Text;

namespace ClassifyPipeline.Tests.Classification.Topic;

public sealed class TopicThresholdTests
{
    // Multi-label data built from BBC: each article carries its label, politics articles also "news", and the
    // entertainment articles carry no label at all (as Reuters articles without any of the 90 topics do); the classes
    // are interleaved, so both parts of a hold-out split have each.
    private static LabeledData Multi(int perClass, int offset) => new(BbcSamples.Take(perClass, offset).Articles
        .GroupBy(a => a.Labels[0])
        .SelectMany(g => g.Select((a, i) => (Article: a, Rank: i)))
        .OrderBy(p => p.Rank)
        .Select(p => p.Article with { Labels = p.Article.Labels[0] switch { "politics" => ["politics", "news"], "entertainment" => [], _ => p.Article.Labels } })
        .ToList(), true);

    private static readonly string[] Labels = ["business", "news", "politics", "sport", "tech"];

    private static readonly Lazy<TopicModel> Always = new(() =>
        new TopicEstimator(new TopicTrainingOptions { Fallback = TopLabelFallback.Always }).Fit(Multi(20, 0), Labels));

    [Fact]
    public void Predict_FallbackAlways_EveryArticleGetsItsTopLabel()
    {
        var cleaner = new ArticleCleaner(new CleanOptions());
        var articles = Multi(10, 3).Articles.Select(a => cleaner.Clean(a.Article)).ToList();
        var strict = new TopicEstimator(new TopicTrainingOptions { DecisionThreshold = 0.99 }).Fit(Multi(20, 0), Labels);
        var strictAlways = new TopicEstimator(new TopicTrainingOptions { DecisionThreshold = 0.99, Fallback = TopLabelFallback.Always }).Fit(Multi(20, 0), Labels);

        var without = strict.Predict(articles, 0, CancellationToken.None);
        var with = strictAlways.Predict(articles, 0, CancellationToken.None);
        Assert.Contains(without, p => p.Labels.Count == 0); // a threshold of 0.99 leaves articles unlabeled
        Assert.Equal(TopicModel.NoFallback, strict.FallbackThreshold);
        Assert.Equal(0, strictAlways.FallbackThreshold);
        Assert.All(with, p => Assert.NotEmpty(p.Labels));
        for (var i = 0; i < articles.Count; i++)
        {
            // The fallback label is the top-scoring one, with the same score.
            if (without[i].Labels.Count == 0)
                Assert.Equal(without[i].Score, with[i].Labels[0].Score);
        }
    }

    [Fact]
    public void SaveLoad_FallbackThreshold_Kept()
    {
        using var stream = new MemoryStream();
        Always.Value.Save(stream);
        stream.Position = 0;
        var loaded = TopicModel.Load(stream);
        Assert.Equal(0, loaded.FallbackThreshold);
        Assert.True(loaded.MultiLabel);
    }

    [Fact]
    public void BestFallback_TopLabelsMostlyRightAboveScore_ThresholdBetween()
    {
        // One label, threshold 0.9: nothing is assigned. Articles scoring 0.8 and 0.7 carry the label, 0.3 and 0.2 do not.
        double[][] scores = [[0.8, 0.7, 0.3, 0.2]];
        bool[][] targets = [[true, true, false, false]];
        var fallback = TopicThresholds.BestFallback(scores, targets, [0.9f]);
        Assert.Equal(0.5f, fallback, 4);
    }

    [Fact]
    public void BestFallback_TopLabelsWrong_NoFallback()
    {
        double[][] scores = [[0.4, 0.3], [0.1, 0.2]];
        bool[][] targets = [[false, false], [false, true]];
        Assert.Equal(TopicModel.NoFallback, TopicThresholds.BestFallback(scores, targets, [0.5f, 0.5f]));
    }

    [Fact]
    public void MicroF1Thresholds_WeakLabel_StricterThanItsOwnF1Best()
    {
        // Label 0 is easy (5 positives, all scoring high). Label 1 is weak: its 5 positives hide among 10 negatives
        // scoring alike, so its own F1 is best assigning everything above 0.35 (F1 0.5 with recall 1), but those
        // false positives cost more micro-F1 than its true positives add.
        double[] easy = [0.9, 0.9, 0.9, 0.9, 0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
        double[] weak = [0.6, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4];
        bool[] easyGold = [true, true, true, true, true, false, false, false, false, false, false, false, false, false, false];
        bool[] weakGold = [true, true, true, true, true, false, false, false, false, false, false, false, false, false, false];
        double[][] scores = [easy, weak];
        bool[][] targets = [easyGold, weakGold];
        var labelF1 = new[] { TopicThresholds.BestThreshold(easy, easyGold, 0.5f), TopicThresholds.BestThreshold(weak, weakGold, 0.5f) };
        Assert.True(labelF1[1] < 0.4f, $"label-F1 threshold {labelF1[1]}");

        var micro = (float[])labelF1.Clone();
        TopicThresholds.MicroF1Thresholds(scores, targets, micro, rounds: 2);
        Assert.Equal(labelF1[0], micro[0]);
        Assert.True(micro[1] > 0.4f && micro[1] <= 0.6f, $"micro-F1 threshold {micro[1]}");
    }

    [Fact]
    public void HoldOut_LabeledOnly_ScoresOnlyArticlesWithALabel()
    {
        var data = Multi(12, 1);
        var options = new TopicTrainingOptions();
        var all = TopicEvaluator.HoldOut(data, Labels, options, 0.5);
        var labeled = TopicEvaluator.HoldOut(data, Labels, options, 0.5, labeledOnly: true);
        var test = data.Articles.Skip((int)Math.Round(data.Articles.Count * 0.5)).ToList();
        Assert.Equal(test.Count, all.Count);
        Assert.Equal(test.Count(a => a.Labels.Count > 0), labeled.Count);
        Assert.True(labeled.Count < all.Count);
    }
}
