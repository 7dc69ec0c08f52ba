using ClassifyPipeline.Classification;
using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Evaluation;
using Xunit;

namespace ClassifyPipeline.Tests.Classification.Stance;

public sealed class StanceModelTests(StanceFixture fixture) : IClassFixture<StanceFixture>
{
    [Fact]
    public void Fit_SmallSubset_BeatsTrivialBarsOnOtherStories()
    {
        Assert.InRange(fixture.Train.Pairs.Count, 2000, 20000);
        Assert.InRange(fixture.Test.Pairs.Count, 500, 20000);
        var gold = fixture.Test.Pairs.Select(p => p.Stance!.Value).ToList();
        var e = StanceEvaluation.Compute(gold, fixture.Model.PredictIndices(fixture.Test.ToStancePairs(), default));

        // "discuss" for every related pair and exact related/unrelated would score well on FNC-1 alone; a
        // constant "unrelated" answer scores 0.25 * unrelated / best and macro-F1 ~0.21.
        var constant = StanceEvaluation.Compute(gold, gold.Select(_ => StanceLabels.Unrelated).ToList());
        Assert.True(e.FncRelative > constant.FncRelative + 0.3, $"FNC-1 {e.FncRelative:F3} vs constant {constant.FncRelative:F3}");
        Assert.True(e.FncRelative > 0.6, $"FNC-1 {e.FncRelative:F3}");
        Assert.True(e.MacroF1 > 0.4, $"macro-F1 {e.MacroF1:F3}");
        Assert.True(e.F1(StanceLabels.Unrelated) > 0.9, $"unrelated F1 {e.F1(StanceLabels.Unrelated):F3}");
    }

    [Fact]
    public void SaveLoad_RoundTrip_IdenticalPredictions()
    {
        var pairs = fixture.Test.ToStancePairs().Take(400).ToList();
        using var stream = new MemoryStream();
        fixture.Model.Save(stream);
        stream.Position = 0;
        var loaded = StanceModel.Load(stream);

        var before = fixture.Model.Predict(pairs, default);
        var after = loaded.Predict(pairs, default);
        Assert.Equal(before, after);
        Assert.Equal(fixture.Model.VocabularySize, loaded.VocabularySize);
    }

    [Fact]
    public void Fit_SameData_Deterministic()
    {
        var small = fixture.Train.Where(fixture.Train.Pairs.Select(p => p.BodyId).Distinct().Order().Take(40).ToHashSet());
        var options = new StanceOptions { Trees = 20, Leaves = 8, MinLeafExamples = 5 };
        var a = new StanceEstimator(options).Fit(small);
        var b = new StanceEstimator(options).Fit(small);
        var pairs = fixture.Test.ToStancePairs().Take(300).ToList();
        Assert.Equal(a.Predict(pairs, default), b.Predict(pairs, default));
        // the saved files differ only in zip timestamps inside ML.NET's part; the probabilities are identical
        Assert.Equal(a.PredictProbabilities(pairs, default), b.PredictProbabilities(pairs, default));
    }

    [Fact]
    public void Predict_ConfidenceIsTheChosenStanceProbability()
    {
        var pairs = fixture.Test.ToStancePairs().Take(200).ToList();
        var predictions = fixture.Model.Predict(pairs, default);
        var probabilities = fixture.Model.PredictProbabilities(pairs, default);
        for (var i = 0; i < pairs.Count; i++)
        {
            Assert.Equal(1.0, probabilities[i].Sum(), 6);
            Assert.Equal(probabilities[i][StanceLabels.IndexOf(predictions[i].Stance)], predictions[i].Confidence, 10);
        }
    }

    [Fact]
    public void PredictProbabilities_InChunks_SameAsAllAtOnce()
    {
        // chunks of 7 split pairs that share a body or a headline between chunks
        var pairs = fixture.Test.ToStancePairs().Take(150).ToList();
        Assert.Equal(
            fixture.Model.PredictProbabilities(pairs, default, chunkPairs: 1000),
            fixture.Model.PredictProbabilities(pairs, default, chunkPairs: 7));
    }

    [Fact]
    public void Load_NotAStanceModel_InvalidData()
    {
        var e = Assert.Throws<InvalidDataException>(() => StanceModel.Load(new MemoryStream("{\"not\":\"a model\"}"u8.ToArray())));
        Assert.Contains("not a stance model", e.Message);
    }

    [Fact]
    public void Load_Truncated_InvalidData()
    {
        using var stream = new MemoryStream();
        fixture.Model.Save(stream);
        var bytes = stream.ToArray()[..(int)(stream.Length / 2)];
        Assert.Throws<InvalidDataException>(() => StanceModel.Load(new MemoryStream(bytes)));
    }

    [Fact]
    public void Fit_MissingAClass_ClearError()
    {
        var pairs = new[] { new StancePair("a b", "a b c"), new StancePair("x y", "a b c") };
        var e = Assert.Throws<ArgumentException>(() => new StanceEstimator(new StanceOptions()).Fit(pairs, [StanceLabels.Agree, StanceLabels.Unrelated]));
        Assert.Contains("disagree", e.Message);
    }

    [Fact]
    public void CrossValidation_TwoFolds_EveryPairOnceStoriesInOneFoldAndGridAgreesWithPooled()
    {
        // half of the fixture's training bodies (every story keeps some) keeps this test to a few seconds
        var train = fixture.Train.Where(fixture.Train.Pairs.Select(p => p.BodyId).Where(b => b % 2 == 0).ToHashSet());
        var reported = new List<int>();

        var result = new StanceCrossValidation(StanceFixture.SmallOptions)
            .Run(train, fixture.Stories, 2, new SyncProgress<StanceFoldResult>(f => reported.Add(f.Fold)));

        Assert.Equal([0, 1], reported);
        Assert.Equal(train.Pairs.Select(p => p.Line).Order(), result.OutOfFold.Select(o => o.Line).Order());
        Assert.All(result.OutOfFold.GroupBy(o => fixture.Stories[o.BodyId]), story => Assert.Single(story.Select(o => o.Fold).Distinct()));
        Assert.Equal(result.Folds.Sum(f => f.Evaluation.Pairs), result.Pooled.Pairs);
        Assert.All(result.OutOfFold, o => Assert.Equal(StanceModel.Decide(o.Probabilities, 0.3, 3.0), o.Predicted));

        var grid = StanceCrossValidation.Grid(result.OutOfFold);
        Assert.Equal(StanceCrossValidation.GridThresholds.Count * StanceCrossValidation.GridBoosts.Count, grid.Count);
        var defaults = grid.Single(g => g.RelatedThreshold == StanceFixture.SmallOptions.RelatedThreshold && g.DisagreeBoost == StanceFixture.SmallOptions.DisagreeBoost);
        Assert.Equal(result.Pooled.Scores(), defaults.Evaluation.Scores());
        Assert.NotEqual(result.Pooled.Scores(), grid[^1].Evaluation.Scores());

        var fnc = result.FoldSummaries()[0];
        Assert.Equal(result.Folds.Average(f => f.Evaluation.FncRelative), fnc.Mean, 12);
        var pooled = result.Intervals(new Bootstrap(200));
        Assert.Equal(result.Pooled.FncRelative, pooled[0].Value);
        Assert.True(pooled[0].Lower < pooled[0].Value && pooled[0].Value < pooled[0].Upper, $"{pooled[0]}");
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
