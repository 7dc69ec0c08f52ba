using System.Text.Json;
using ClassifyPipeline.Tests.Support;
using Xunit;

namespace ClassifyPipeline.Tests.Classification.Stance;

public sealed class StanceRunTests(StanceFixture fixture) : IClassFixture<StanceFixture>
{
    private const string Story = "A small meteorite crashed into a wooded area in Managua, the capital of Nicaragua, overnight, the government said. Residents reported hearing a mysterious boom that left a deep crater near the airport of Managua. Government spokeswoman said the meteorite crater in Managua was caused by a small meteorite from an asteroid passing Earth.";

    [Fact]
    public async Task Run_MultiArticleStory_StanceTowardLeadAndClaims()
    {
        using var dir = new TempDirectory();
        var training = System.IO.Path.Combine(dir.Path, "training");
        Directory.CreateDirectory(training);
        var small = fixture.Train.Where(fixture.Train.Pairs.Select(p => p.BodyId).Distinct().Order().Take(60).ToHashSet());
        StanceFiles.Write(small, System.IO.Path.Combine(training, "train_stances.csv"), System.IO.Path.Combine(training, "train_bodies.csv"));
        var models = System.IO.Path.Combine(dir.Path, "models");
        var config = dir.File("pipeline.json", JsonSerializer.Serialize(new
        {
            stance = new
            {
                trainingDirectory = training,
                modelDirectory = models,
                claims = new[] { "A meteorite crashed in Nicaragua", "Aliens landed in Managua" },
                trees = 30,
                leaves = 8,
                minLeafExamples = 5,
            },
        }));
        string Line(string id, string title, string text, string published) =>
            JsonSerializer.Serialize(new { id, title, text, published });
        var input = dir.File("in/articles.jsonl", string.Join("\n",
            Line("lead", "Meteorite crashes near Managua airport", Story, "2014-09-07T10:00:00Z"),
            Line("second", "Meteorite in Managua", Story + " Experts said the meteorite crater in Managua was real.", "2014-09-07T12:00:00Z"),
            Line("third", "Managua crater", "Officials denied it was a meteorite. " + Story + " Others said the crater was a hoax.", "2014-09-08T09:00:00Z"),
            Line("alone", "Football results", "The football team won the league final on Sunday after a late goal by the striker in extra time, fans celebrated in the stadium.", "2014-09-08T10:00:00Z")) + "\n");

        var outDir = System.IO.Path.Combine(dir.Path, "out");
        var outcome = await Support.Cli.Run("run", System.IO.Path.Combine(dir.Path, "in"), "--out", outDir, "--config", config);
        Assert.True(outcome.ExitCode == 0, outcome.Error);

        var articles = File.ReadAllLines(System.IO.Path.Combine(outDir, "articles.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(e => e.GetProperty("id").GetString()!);
        Assert.Equal(articles["lead"].GetProperty("storyId").GetString(), articles["second"].GetProperty("storyId").GetString());
        Assert.Equal(JsonValueKind.Null, articles["lead"].GetProperty("stance").ValueKind);
        Assert.Equal(JsonValueKind.Null, articles["alone"].GetProperty("stance").ValueKind);
        foreach (var id in new[] { "second", "third" })
        {
            var a = articles[id];
            Assert.Contains(a.GetProperty("stance").GetString(), new[] { "agree", "disagree", "discuss", "unrelated" });
            Assert.Equal("lead", a.GetProperty("stanceTarget").GetString());
            Assert.InRange(a.GetProperty("stanceConfidence").GetDouble(), 0.0, 1.0);
        }
        foreach (var a in articles.Values)
        {
            var claims = a.GetProperty("claims").EnumerateArray().ToList();
            Assert.Equal(["A meteorite crashed in Nicaragua", "Aliens landed in Managua"], claims.Select(c => c.GetProperty("claim").GetString()));
            Assert.All(claims, c => Assert.Contains(c.GetProperty("stance").GetString(), new[] { "agree", "disagree", "discuss", "unrelated" }));
        }
        Assert.Equal("unrelated", articles["alone"].GetProperty("claims")[1].GetProperty("stance").GetString());
        Assert.Single(Directory.GetFiles(models, "stance-*.model"));

        // the second run uses the cached model: same answers, no new model file
        var again = await Support.Cli.Run("run", System.IO.Path.Combine(dir.Path, "in"), "--out", System.IO.Path.Combine(dir.Path, "out2"), "--config", config);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(File.ReadAllText(System.IO.Path.Combine(outDir, "articles.jsonl")), File.ReadAllText(System.IO.Path.Combine(dir.Path, "out2", "articles.jsonl")));
        Assert.Single(Directory.GetFiles(models, "stance-*.model"));
    }

    [Fact]
    public async Task Run_StanceDisabled_StancesNullAndNoTraining()
    {
        using var dir = new TempDirectory();
        var models = System.IO.Path.Combine(dir.Path, "models");
        var config = dir.File("pipeline.json", JsonSerializer.Serialize(new { stance = new { enabled = false, modelDirectory = models, claims = new[] { "x" } } }));
        var outDir = System.IO.Path.Combine(dir.Path, "out");
        var outcome = await Support.Cli.Run("run", RepoPaths.Seeds, "--out", outDir, "--config", config);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.All(File.ReadAllLines(System.IO.Path.Combine(outDir, "articles.jsonl")), l =>
        {
            var e = JsonDocument.Parse(l).RootElement;
            Assert.Equal(JsonValueKind.Null, e.GetProperty("stance").ValueKind);
            Assert.Equal(0, e.GetProperty("claims").GetArrayLength());
        });
        Assert.False(Directory.Exists(models));
    }
}
