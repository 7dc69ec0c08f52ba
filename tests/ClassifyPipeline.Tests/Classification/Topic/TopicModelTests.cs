using ClassifyPipeline.Classification.Topic;
using ClassifyPipeline.Text;

namespace ClassifyPipeline.Tests.Classification.Topic;

public sealed class TopicModelTests
{
    private static readonly Lazy<TopicModel> Small = new(() => new TopicEstimator(new TopicTrainingOptions()).Fit(BbcSamples.Take(40)));

    private static List<CleanArticle> Clean(LabeledData data)
    {
        var cleaner = new ArticleCleaner(new CleanOptions());
        return data.Articles.Select(a => cleaner.Clean(a.Article)).ToList();
    }

    [Fact]
    public void Fit_200BbcArticles_ClassifiesOtherArticlesWell()
    {
        var test = BbcSamples.Take(40, offset: 3);
        var metrics = TopicEvaluator.Evaluate(Small.Value, test);
        // 5 balanced classes: chance is 0.2; the full-data model scores about 0.98 in cross-validation.
        Assert.True(metrics.Accuracy > 0.9, $"accuracy {metrics.Accuracy}");
        Assert.Equal(["business", "entertainment", "politics", "sport", "tech"], Small.Value.Labels);
    }

    [Fact]
    public void Evaluate_RelabeledArticle_ListedAmongMissesWithGoldAndPrediction()
    {
        var test = BbcSamples.Take(40, offset: 3);
        var first = test.Articles[0];
        var wrong = first.Labels[0] == "sport" ? "tech" : "sport";
        var relabeled = new LabeledData([first with { Labels = [wrong] }, .. test.Articles.Skip(1)], MultiLabel: false);
        var metrics = TopicEvaluator.Evaluate(Small.Value, relabeled);
        var miss = Assert.Single(metrics.Misses, m => m.Id == first.Article.Id);
        Assert.Equal(wrong, miss.Gold);
        Assert.NotEqual(wrong, miss.Predicted);
        Assert.Equal(first.Article.Title, miss.Title);
        Assert.Equal(metrics.Count - (int)Math.Round(metrics.Accuracy!.Value * metrics.Count), metrics.Misses.Count);
    }

    [Fact]
    public void SaveLoad_RoundTrip_IdenticalPredictions()
    {
        var articles = Clean(BbcSamples.Take(10, offset: 5));
        using var stream = new MemoryStream();
        Small.Value.Save(stream);
        stream.Position = 0;
        var loaded = TopicModel.Load(stream);

        var before = Small.Value.Predict(articles, 0.5, CancellationToken.None);
        var after = loaded.Predict(articles, 0.5, CancellationToken.None);
        Assert.Equal(before.Select(p => (p.Label, p.Score)), after.Select(p => (p.Label, p.Score)));
        Assert.Equal(Small.Value.Labels, loaded.Labels);
        Assert.Equal(Small.Value.Vocabulary.Terms, loaded.Vocabulary.Terms);
        Assert.Equal(Small.Value.Analysis.MaxNGram, loaded.Analysis.MaxNGram);
    }

    [Fact]
    public void Fit_SameDataAndSeed_SameModel()
    {
        var again = new TopicEstimator(new TopicTrainingOptions()).Fit(BbcSamples.Take(40));
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        Small.Value.Save(a);
        again.Save(b);
        Assert.Equal(a.ToArray(), b.ToArray());
    }

    [Fact]
    public void Load_NotAModel_ClearError()
    {
        var e = Assert.Throws<InvalidDataException>(() => TopicModel.Load(new MemoryStream("{\"hello\": 1}"u8.ToArray())));
        Assert.Equal("not a ClassifyPipeline topic model", e.Message);
    }

    [Fact]
    public void Load_OtherFormatVersion_SaysVersion()
    {
        using var stream = new MemoryStream();
        Small.Value.Save(stream);
        var bytes = stream.ToArray();
        BitConverter.TryWriteBytes(bytes.AsSpan(8, 4), TopicModel.FormatVersion + 1);
        var e = Assert.Throws<InvalidDataException>(() => TopicModel.Load(new MemoryStream(bytes)));
        Assert.Contains($"version {TopicModel.FormatVersion + 1} is not supported", e.Message);
    }

    [Fact]
    public void Load_Truncated_SaysCutShort()
    {
        using var stream = new MemoryStream();
        Small.Value.Save(stream);
        var bytes = stream.ToArray()[..(int)(stream.Length / 2)];
        var e = Assert.Throws<InvalidDataException>(() => TopicModel.Load(new MemoryStream(bytes)));
        Assert.Contains("cut short", e.Message);
    }

    [Fact]
    public void Predict_MinConfidenceAboveScore_LabelNullScoresKept()
    {
        var articles = Clean(BbcSamples.Take(1, offset: 6));
        var sure = Small.Value.Predict(articles, 0, CancellationToken.None)[0];
        var unsure = Small.Value.Predict(articles, 1.01, CancellationToken.None)[0];
        Assert.NotNull(sure.Label);
        Assert.Null(unsure.Label);
        Assert.Equal(sure.Score, unsure.Score);
        Assert.Equal(sure.Labels, unsure.Labels);
    }

    [Fact]
    public void Fit_OneClass_Error()
    {
        var data = new LabeledData(BbcSamples.Take(5).Articles.Where(a => a.Labels[0] == "sport").ToList(), false);
        var e = Assert.Throws<LabeledDataException>(() => new TopicEstimator(new TopicTrainingOptions()).Fit(data));
        Assert.Contains("at least two classes", e.Message);
    }

    [Fact]
    public void Fit_RequestedLabelWithoutSamples_Error()
    {
        var e = Assert.Throws<LabeledDataException>(() => new TopicEstimator(new TopicTrainingOptions()).Fit(BbcSamples.Take(5), ["sport", "tech", "weather"]));
        Assert.Contains("no training samples for the class 'weather'", e.Message);
    }

    [Fact]
    public void Fit_MultiLabel_OneVersusRestWithThresholds()
    {
        // Multi-label data built from BBC: each article carries its label, and politics articles also "news".
        var single = BbcSamples.Take(30);
        var multi = new LabeledData(single.Articles.Select(a => a with { Labels = a.Labels[0] == "politics" ? ["politics", "news"] : a.Labels }).ToList(), true);
        var model = new TopicEstimator(new TopicTrainingOptions { ThresholdFolds = 3 }).Fit(multi);
        Assert.True(model.MultiLabel);
        Assert.Equal(6, model.Labels.Count);
        Assert.Contains(model.Thresholds, t => t != 0.5f); // tuned by inner cross-validation
        var test = BbcSamples.Take(20, offset: 2);
        var testMulti = new LabeledData(test.Articles.Select(a => a with { Labels = a.Labels[0] == "politics" ? ["politics", "news"] : a.Labels }).ToList(), true);
        var metrics = TopicEvaluator.Evaluate(model, testMulti);
        Assert.True(metrics.MicroF1 > 0.8, $"micro-F1 {metrics.MicroF1}");
    }

    [Fact]
    public void Lead_IsTitleAndFirstNonBlankParagraph()
    {
        var article = new CleanArticle(new ClassifyPipeline.Articles.Article("a", null, null, "Club floats", "", null), "Club floats", "\n  \nThe club may list its shares.\nIt plays football.\n", false);
        var lead = TopicFeatures.Lead(article);
        Assert.Equal("Club floats", lead.Title);
        Assert.Equal("The club may list its shares.", lead.Body);
        Assert.Equal("", TopicFeatures.Lead(article with { Body = "\n \n" }).Body);
    }

    [Fact]
    public void Featurize_LeadWeight_LeadTermsCountMore()
    {
        var analyzer = new TextAnalyzer(Small.Value.Analysis);
        var article = Clean(BbcSamples.Take(1, offset: 6))[0];
        var (terms, lead) = TopicFeatures.Analyze(article, analyzer, 0.5f);
        Assert.NotNull(lead);
        Assert.True(lead.Count < terms.Count, "the lead is part of the article");
        var plain = TopicFeatures.Vector(Small.Value.Vocabulary, terms, null, 0);
        var weighted = TopicFeatures.Vector(Small.Value.Vocabulary, terms, lead, 0.5f);
        Assert.Equal(plain.Indices, weighted.Indices); // the lead adds no term the article lacks
        var leadTerm = Small.Value.Vocabulary.IndexOf(lead.First(t => Small.Value.Vocabulary.IndexOf(t) >= 0));
        var k = Array.IndexOf(plain.Indices, leadTerm);
        Assert.True(weighted.Values[k] > plain.Values[k], "a lead term weighs more");
        Assert.Null(TopicFeatures.Analyze(article, analyzer, 0).LeadTerms);
    }

    [Fact]
    public void SaveLoad_KeepsLeadWeight()
    {
        var model = new TopicEstimator(new TopicTrainingOptions { LeadWeight = 2 }).Fit(BbcSamples.Take(10));
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        Assert.Equal(2f, TopicModel.Load(stream).LeadWeight);
        Assert.Equal(new TopicTrainingOptions().LeadWeight, Small.Value.LeadWeight);
    }
}
