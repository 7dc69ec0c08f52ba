using System.Text.Json;
using ClassifyPipeline.Tests.Support;
using CliRunner = ClassifyPipeline.Tests.Support.Cli;

namespace ClassifyPipeline.Tests.Classification.Topic;

public sealed class TopicCommandTests
{
    [Fact]
    public async Task TrainPredictEval_SmallBbc_ModelPredictionsAndMetrics()
    {
        using var dir = new TempDirectory();
        var train = BbcSamples.WriteJsonl(dir, "train.jsonl", 30);
        var test = BbcSamples.WriteJsonl(dir, "test.jsonl", 10, offset: 3);
        var model = Path.Combine(dir.Path, "topic.model");

        var trained = await CliRunner.Run("train", "topic", train, "--out", model, "--embeddings", "none");
        Assert.True(trained.ExitCode == 0, trained.Error);
        Assert.True(File.Exists(model));
        Assert.Equal(Path.GetFullPath(model), trained.Output.Trim());

        var predictions = Path.Combine(dir.Path, "pred.jsonl");
        var predicted = await CliRunner.Run("predict", "topic", test, "--model", model, "--out", predictions, "--min-confidence", "0");
        Assert.True(predicted.ExitCode == 0, predicted.Error);
        var lines = File.ReadAllLines(predictions).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var ids = File.ReadAllLines(test).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids, lines.Select(l => l.GetProperty("id").GetString()));
        var gold = File.ReadAllLines(test).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("label").GetString()).ToList();
        var right = lines.Where((l, i) => l.GetProperty("label").GetString() == gold[i]).Count();
        Assert.True(right >= 45, $"{right}/50 right");
        Assert.All(lines, l => Assert.Equal(l.GetProperty("label").GetString(), l.GetProperty("labels")[0].GetProperty("label").GetString()));

        var evaluated = await CliRunner.Run("eval", "topic", test, "--model", model, "--out", Path.Combine(dir.Path, "metrics.json"));
        Assert.True(evaluated.ExitCode == 0, evaluated.Error);
        Assert.Contains("accuracy  ", evaluated.Output);
        Assert.Contains("confusion matrix", evaluated.Output);
        var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "metrics.json"))).RootElement;
        Assert.Equal(right / 50.0, metrics.GetProperty("accuracy").GetDouble(), 6);
    }

    [Fact]
    public async Task EvalFolds_SmallBbc_ReportsCrossValidatedAccuracy()
    {
        using var dir = new TempDirectory();
        var data = BbcSamples.WriteJsonl(dir, "d.jsonl", 24);
        var result = await CliRunner.Run("eval", "topic", data, "--folds", "3", "--ngram", "1", "--embeddings", "none");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("3-fold cross-validation", result.Output);
        var accuracy = double.Parse(result.Output.Split('\n').Single(l => l.StartsWith("accuracy", StringComparison.Ordinal))[8..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(accuracy, 0.8, 1.0);
    }

    [Fact]
    public async Task EvalFolds_Repeats_EachSeedAsAloneAndTheirMean()
    {
        using var dir = new TempDirectory();
        var data = BbcSamples.WriteJsonl(dir, "d.jsonl", 12);
        var json = Path.Combine(dir.Path, "m.json");
        var repeated = await CliRunner.Run("eval", "topic", data, "--folds", "3", "--ngram", "1", "--repeats", "3", "--seed", "5", "--out", json, "--embeddings", "none");
        Assert.True(repeated.ExitCode == 0, repeated.Error);
        Assert.Contains("3 × 3-fold cross-validation", repeated.Output);

        // each repeat is the cross-validation with its seed run alone; the mean is theirs
        var alone = new List<double>();
        foreach (var seed in new[] { 5, 6, 7 })
        {
            var single = await CliRunner.Run("eval", "topic", data, "--folds", "3", "--ngram", "1", "--embeddings", "none", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(single.ExitCode == 0, single.Error);
            alone.Add(double.Parse(single.Output.Split('\n').Single(l => l.StartsWith("accuracy", StringComparison.Ordinal))[8..].Trim(), System.Globalization.CultureInfo.InvariantCulture));
        }
        var root = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        var repeats = root.GetProperty("repeats").EnumerateArray().ToList();
        Assert.Equal([5, 6, 7], repeats.Select(r => r.GetProperty("seed").GetInt32()));
        for (var r = 0; r < 3; r++)
            Assert.Equal(alone[r], repeats[r].GetProperty("accuracy").GetDouble(), 4);
        Assert.Equal(alone.Average(), root.GetProperty("mean").GetProperty("accuracy").GetProperty("mean").GetDouble(), 4);
        Assert.Contains("mean over 3 repeats: accuracy", repeated.Output);
    }

    [Fact]
    public async Task Train_BadInput_ExitCode3AndNothingWritten()
    {
        using var dir = new TempDirectory();
        var bad = dir.File("bad.jsonl", "{\"label\": \"a\", \"text\": \"x\"}\n{\"text\": \"no label\"}\n");
        var model = Path.Combine(dir.Path, "m.model");
        var result = await CliRunner.Run("train", "topic", bad, "--out", model);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("line 2: no 'label' or 'labels' field", result.Error);
        Assert.False(File.Exists(model));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task Train_LabelWithoutSamples_ExitCode3()
    {
        using var dir = new TempDirectory();
        var data = dir.File("d.jsonl", "{\"label\": \"a\", \"text\": \"apples and pears\"}\n{\"label\": \"b\", \"text\": \"cars and trucks\"}\n");
        var result = await CliRunner.Run("train", "topic", data, "--out", Path.Combine(dir.Path, "m.model"), "--labels", "a,b,c");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("no training samples for the class 'c'", result.Error);
    }

    [Fact]
    public async Task Predict_NotAModel_ExitCode4AndNothingWritten()
    {
        using var dir = new TempDirectory();
        var fake = dir.File("fake.model", "this is not a model");
        var input = dir.File("in.jsonl", "{\"text\": \"hello\"}\n");
        var output = Path.Combine(dir.Path, "out.jsonl");
        var result = await CliRunner.Run("predict", "topic", input, "--model", fake, "--out", output);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("not a ClassifyPipeline topic model", result.Error);
        Assert.False(File.Exists(output));

        var missing = await CliRunner.Run("eval", "topic", input, "--model", Path.Combine(dir.Path, "nope.model"));
        Assert.Equal(4, missing.ExitCode);
    }

    [Theory]
    [InlineData("--model m --folds 3", "exactly one of")]
    [InlineData("--holdout 0.5 --repeats 2", "--repeats needs --folds")]
    public async Task Eval_ConflictingOptions_UsageError(string options, string message)
    {
        using var dir = new TempDirectory();
        var data = dir.File("d.jsonl", "{\"label\": \"a\", \"text\": \"x\"}\n");
        var result = await CliRunner.Run(["eval", "topic", data, .. options.Split(' ')]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task Train_TunedFallbackWithoutThresholdFolds_UsageErrorNothingWritten()
    {
        using var dir = new TempDirectory();
        var data = dir.File("d.jsonl", "{\"labels\": [\"a\"], \"text\": \"apples and pears\"}\n{\"labels\": [\"b\"], \"text\": \"cars and trucks\"}\n");
        var model = Path.Combine(dir.Path, "m.model");
        var result = await CliRunner.Run("train", "topic", data, "--out", model, "--fallback", "Tuned", "--threshold-folds", "0");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--fallback Tuned needs --threshold-folds", result.Error);
        Assert.False(File.Exists(model));
    }
}
