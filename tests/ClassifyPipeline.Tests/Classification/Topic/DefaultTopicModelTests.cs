using System.Text.Json;
using ClassifyPipeline.Tests.Support;
using CliRunner = ClassifyPipeline.Tests.Support.Cli;

namespace ClassifyPipeline.Tests.Classification.Topic;

public sealed class DefaultTopicModelTests
{
    private static readonly string[] BbcLabels = ["business", "entertainment", "politics", "sport", "tech"];

    private static string Config(TempDirectory dir, string trainingData, string cache) =>
        dir.File("pipeline.json", $$"""
            { "topic": { "trainingData": {{JsonSerializer.Serialize(trainingData)}}, "cacheFolder": {{JsonSerializer.Serialize(cache)}}, "minConfidence": 0.5 } }
            """);

    [Fact]
    public async Task RunSeeds_DefaultModel_EveryArticleGetsAWellFormedTopicAndTheModelIsCached()
    {
        using var dir = new TempDirectory();
        var cache = Path.Combine(dir.Path, "cache");
        var config = Config(dir, Path.Combine(RepoPaths.Training, "topics", "bbc-train.jsonl"), cache);
        var outDir = Path.Combine(dir.Path, "out");

        var first = await CliRunner.Run("run", RepoPaths.Seeds, "--out", outDir, "--config", config);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("[topic] training", first.Error);
        var cached = Directory.GetFiles(cache);
        Assert.Single(cached);

        var articles = File.ReadAllLines(Path.Combine(outDir, "articles.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5, articles.Count);
        foreach (var a in articles)
        {
            var score = a.GetProperty("topicScore").GetDouble();
            var topics = a.GetProperty("topics");
            Assert.Equal(1, topics.GetArrayLength());
            Assert.Contains(topics[0].GetProperty("label").GetString(), BbcLabels);
            Assert.Equal(score, topics[0].GetProperty("score").GetDouble());
            if (a.GetProperty("topic").ValueKind == JsonValueKind.Null)
            {
                Assert.True(score < 0.5, $"uncertain but score {score}");
            }
            else
            {
                // Seeds are all politics / world news: of BBC's labels only politics (or business) fits.
                Assert.True(score >= 0.5);
                Assert.Contains(a.GetProperty("topic").GetString(), new[] { "politics", "business" });
            }
        }

        var second = await CliRunner.Run("run", RepoPaths.Seeds, "--out", Path.Combine(dir.Path, "out2"), "--config", config);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.DoesNotContain("[topic] training", second.Error);
        Assert.Equal(cached, Directory.GetFiles(cache));
        Assert.Equal(File.ReadAllText(Path.Combine(outDir, "articles.jsonl")), File.ReadAllText(Path.Combine(dir.Path, "out2", "articles.jsonl")));
    }

    /// <summary>The shipped default taxonomy (BBC's sections plus "world"): the five Syria peace-talk seeds are world news, said with confidence.</summary>
    [Fact]
    public async Task RunSeeds_NewsDefaultModel_EverySeedWorldOrPoliticsAboveMinConfidence()
    {
        using var dir = new TempDirectory();
        var config = Config(dir, Path.Combine(RepoPaths.Training, "topics", "news-train.jsonl"), Path.Combine(dir.Path, "cache"));
        var outDir = Path.Combine(dir.Path, "out");

        var run = await CliRunner.Run("run", RepoPaths.Seeds, "--out", outDir, "--config", config);
        Assert.True(run.ExitCode == 0, run.Error);
        var articles = File.ReadAllLines(Path.Combine(outDir, "articles.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5, articles.Count);
        Assert.All(articles, a =>
        {
            Assert.Contains(a.GetProperty("topic").GetString(), new[] { "world", "politics" });
            Assert.True(a.GetProperty("topicScore").GetDouble() >= 0.5);
        });
    }

    [Fact]
    public void NewsTrainingData_BbcTrainThenAgNewsWorldAsWorld()
    {
        var news = File.ReadAllLines(Path.Combine(RepoPaths.Training, "topics", "news-train.jsonl"));
        var bbc = File.ReadAllLines(RepoPaths.BbcTrain);
        Assert.Equal(bbc, news.Take(bbc.Length));
        var world = news.Skip(bbc.Length).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(350, world.Count);
        Assert.All(world, w =>
        {
            Assert.Equal("world", w.GetProperty("label").GetString());
            Assert.StartsWith("ag-", w.GetProperty("id").GetString());
        });
    }

    /// <summary>The "world" rows are the first 350 World rows of the AG News development file, in its order, text unchanged.</summary>
    [SkippableFact]
    public void NewsTrainingData_WorldRowsAreTheFirstAgNewsWorldRows()
    {
        var source = DevelopmentData.Require("topics", "agnews", "dev.jsonl");
        var expected = File.ReadLines(source).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("label").GetString() == "World").Take(350)
            .Select(r => (r.GetProperty("id").GetString(), r.GetProperty("title").GetString(), r.GetProperty("text").GetString())).ToList();
        var actual = File.ReadLines(Path.Combine(RepoPaths.Training, "topics", "news-train.jsonl")).Skip(File.ReadLines(RepoPaths.BbcTrain).Count())
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(r => (r.GetProperty("id").GetString(), r.GetProperty("title").GetString(), r.GetProperty("text").GetString())).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Run_TrainingDataMissing_TopicsNullAndExitZero()
    {
        using var dir = new TempDirectory();
        var config = Config(dir, Path.Combine(dir.Path, "nowhere.jsonl"), Path.Combine(dir.Path, "cache"));
        var outDir = Path.Combine(dir.Path, "out");
        var result = await CliRunner.Run("run", RepoPaths.Seeds, "--out", outDir, "--config", config);
        Assert.True(result.ExitCode == 0, result.Error);
        var articles = File.ReadAllLines(Path.Combine(outDir, "articles.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(articles, a => Assert.Equal(JsonValueKind.Null, a.GetProperty("topic").ValueKind));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "cache")));
    }

    [Fact]
    public async Task Run_ConfiguredModelIsNotAModel_ExitCode4()
    {
        using var dir = new TempDirectory();
        var fake = dir.File("fake.model", "nope");
        var config = dir.File("pipeline.json", $$"""{ "topic": { "model": {{JsonSerializer.Serialize(fake)}} } }""");
        var result = await CliRunner.Run("run", RepoPaths.Seeds, "--out", Path.Combine(dir.Path, "out"), "--config", config);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("not a ClassifyPipeline topic model", result.Error);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }
}
