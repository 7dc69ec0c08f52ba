using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Tests.Support;
using Xunit;

namespace ClassifyPipeline.Tests.Classification.Stance;

public sealed class StanceCliTests(StanceFixture fixture) : IClassFixture<StanceFixture>
{
    private Fnc1Dataset SmallTrain => fixture.Train.Where(fixture.Train.Pairs.Select(p => p.BodyId).Distinct().Order().Take(50).ToHashSet());

    private Fnc1Dataset SmallTest => fixture.Test.Where(fixture.Test.Pairs.Select(p => p.BodyId).Distinct().Order().Take(15).ToHashSet());

    [Fact]
    public async Task TrainPredictEval_SmallData_WritesModelCsvAndScores()
    {
        using var dir = new TempDirectory();
        string Path(string name) => System.IO.Path.Combine(dir.Path, name);
        StanceFiles.Write(SmallTrain, Path("train.csv"), Path("train_bodies.csv"));
        StanceFiles.Write(SmallTest, Path("test.csv"), Path("test_bodies.csv"), withStance: false);
        StanceFiles.Write(SmallTest, Path("gold.csv"), Path("gold_bodies.csv"));
        var config = dir.File("pipeline.json", StanceFiles.SmallConfig);

        var train = await Support.Cli.Run("train", "stance", "--stances", Path("train.csv"), "--bodies", Path("train_bodies.csv"), "--out", Path("m.model"), "--config", config);
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.True(File.Exists(Path("m.model")));

        var predict = await Support.Cli.Run("predict", "stance", "--stances", Path("test.csv"), "--bodies", Path("test_bodies.csv"), "--model", Path("m.model"), "--out", Path("out.csv"));
        Assert.True(predict.ExitCode == 0, predict.Error);
        var rows = CsvParser.Parse(new StringReader(File.ReadAllText(Path("out.csv")))).ToList();
        Assert.Equal(["Headline", "Body ID", "Stance"], rows[0].Fields);
        Assert.Equal(SmallTest.Pairs.Count + 1, rows.Count);
        Assert.Equal(SmallTest.Pairs.Select(p => p.Headline), rows.Skip(1).Select(r => r.Fields[0]));
        Assert.Equal(SmallTest.Pairs.Select(p => p.BodyId.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Skip(1).Select(r => r.Fields[1]));
        Assert.All(rows.Skip(1), r => Assert.True(StanceLabels.IndexOf(r.Fields[2]) >= 0));

        var eval = await Support.Cli.Run("eval", "stance", "--stances", Path("gold.csv"), "--bodies", Path("gold_bodies.csv"), "--model", Path("m.model"));
        Assert.True(eval.ExitCode == 0, eval.Error);
        Assert.Contains("FNC-1 score:", eval.Output);
        Assert.Contains("macro-F1:", eval.Output);
        Assert.Contains("disagree F1:", eval.Output);
        Assert.Contains("confusion", eval.Output);
        // every reported score has its interval: 3 headline scores and precision, recall, F1 of each class
        var intervals = eval.Output[eval.Output.IndexOf("confidence intervals", StringComparison.Ordinal)..].Split('\n').Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3 + 4 * 3, intervals.Count);
        Assert.Contains(intervals, l => l.StartsWith("  disagree F1 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Eval_TrainAndTestIds_TrainsInProcess()
    {
        using var dir = new TempDirectory();
        var all = SmallTrain.Pairs.Concat(SmallTest.Pairs).ToList();
        var data = new Fnc1Dataset(all, fixture.All.Bodies, true);
        StanceFiles.Write(data, System.IO.Path.Combine(dir.Path, "s.csv"), System.IO.Path.Combine(dir.Path, "b.csv"));
        var trainIds = dir.File("train_ids.txt", string.Join("\n", SmallTrain.Pairs.Select(p => p.BodyId).Distinct()));
        var testIds = dir.File("test_ids.txt", string.Join("\n", SmallTest.Pairs.Select(p => p.BodyId).Distinct()));
        var config = dir.File("pipeline.json", StanceFiles.SmallConfig);

        var eval = await Support.Cli.Run("eval", "stance", "--stances", System.IO.Path.Combine(dir.Path, "s.csv"), "--bodies", System.IO.Path.Combine(dir.Path, "b.csv"),
            "--train-ids", trainIds, "--test-ids", testIds, "--config", config);
        Assert.True(eval.ExitCode == 0, eval.Error);
        Assert.Contains($"pairs: {SmallTest.Pairs.Count}", eval.Output);
        Assert.Contains("training:", eval.Output);
    }

    [Fact]
    public async Task Eval_CrossValidationWithOof_WritesEveryPairOnceWithStoriesInOneFold()
    {
        using var dir = new TempDirectory();
        var stances = System.IO.Path.Combine(dir.Path, "s.csv");
        var bodies = System.IO.Path.Combine(dir.Path, "b.csv");
        StanceFiles.Write(fixture.Train, stances, bodies);
        var trainIds = dir.File("train_ids.txt", string.Join("\n", fixture.Train.Pairs.Select(p => p.BodyId).Distinct()));
        var storiesPath = RepoPaths.Fnc1Stories;
        var oof = System.IO.Path.Combine(dir.Path, "oof.csv");
        var config = dir.File("pipeline.json", StanceFiles.SmallConfig);

        var eval = await Support.Cli.Run("eval", "stance", "--stances", stances, "--bodies", bodies, "--train-ids", trainIds,
            "--cv", "2", "--stories", storiesPath, "--oof", oof, "--config", config);
        Assert.True(eval.ExitCode == 0, eval.Error);
        Assert.Contains("fold 2/2", eval.Output);
        Assert.Contains("pooled over 2 story-grouped folds", eval.Output);
        Assert.Contains("relatedThreshold and disagreeBoost", eval.Output);
        Assert.Contains("over the 2 folds: mean ± standard deviation", eval.Output);
        Assert.Matches(@"95% confidence intervals \(percentile bootstrap over the out-of-fold pairs: 1000 resamples, seed 42\):\n  FNC-1 score +0\.\d{4}  \[0\.\d{4}, 0\.\d{4}\]", eval.Output);

        var rows = CsvParser.Parse(new StringReader(File.ReadAllText(oof))).ToList();
        Assert.Equal(["line", "body_id", "fold", "gold", "agree", "disagree", "discuss", "unrelated"], rows[0].Fields);
        Assert.Equal(fixture.Train.Pairs.Count, rows.Count - 1);
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var written = Fnc1Reader.Read(stances, bodies, requireStances: true);
        Assert.Equal(written.Pairs.Select(p => p.Line).Order(), rows.Skip(1).Select(r => int.Parse(r.Fields[0], c)).Order());
        var storyOf = StoryFolds.ReadStories(storiesPath);
        var foldOfStory = new Dictionary<int, string>();
        foreach (var r in rows.Skip(1))
        {
            Assert.Equal(foldOfStory.GetValueOrDefault(storyOf[int.Parse(r.Fields[1], c)], r.Fields[2]), r.Fields[2]);
            foldOfStory[storyOf[int.Parse(r.Fields[1], c)]] = r.Fields[2];
            Assert.Equal(1.0, r.Fields[4..].Sum(f => double.Parse(f, c)), 6);
        }
        Assert.Equal(2, foldOfStory.Values.Distinct().Count());
    }

    [Fact]
    public async Task Train_UnknownStance_InputErrorWithLine()
    {
        using var dir = new TempDirectory();
        var bodies = dir.File("b.csv", "Body ID,articleBody\n1,Text.\n");
        var stances = dir.File("s.csv", "Headline,Body ID,Stance\nH,1,agree\nH,1,supports\n");
        var outcome = await Support.Cli.Run("train", "stance", "--stances", stances, "--bodies", bodies, "--out", System.IO.Path.Combine(dir.Path, "m.model"));
        Assert.Equal(3, outcome.ExitCode);
        Assert.Contains("line 3", outcome.Error);
        Assert.Contains("unknown stance 'supports'", outcome.Error);
        Assert.False(File.Exists(System.IO.Path.Combine(dir.Path, "m.model")));
    }

    [Fact]
    public async Task Predict_MissingBody_InputErrorWithLine()
    {
        using var dir = new TempDirectory();
        var model = System.IO.Path.Combine(dir.Path, "m.model");
        fixture.Model.Save(model);
        var bodies = dir.File("b.csv", "Body ID,articleBody\n1,Text.\n");
        var stances = dir.File("s.csv", "Headline,Body ID\nH,1\nH,9\n");
        var outcome = await Support.Cli.Run("predict", "stance", "--stances", stances, "--bodies", bodies, "--model", model, "--out", System.IO.Path.Combine(dir.Path, "o.csv"));
        Assert.Equal(3, outcome.ExitCode);
        Assert.Contains("line 3: Body ID 9 has no body", outcome.Error);
    }

    [Fact]
    public async Task Predict_NotAModel_ModelError()
    {
        using var dir = new TempDirectory();
        var bodies = dir.File("b.csv", "Body ID,articleBody\n1,Text.\n");
        var stances = dir.File("s.csv", "Headline,Body ID\nH,1\n");
        var model = dir.File("m.model", "Headline,Body ID\nnot a model\n");
        var outcome = await Support.Cli.Run("predict", "stance", "--stances", stances, "--bodies", bodies, "--model", model, "--out", System.IO.Path.Combine(dir.Path, "o.csv"));
        Assert.Equal(4, outcome.ExitCode);
        Assert.Contains("not a stance model", outcome.Error);
        var missing = await Support.Cli.Run("eval", "stance", "--stances", stances, "--bodies", bodies, "--model", System.IO.Path.Combine(dir.Path, "none.model"));
        Assert.Equal(4, missing.ExitCode);
    }
}
