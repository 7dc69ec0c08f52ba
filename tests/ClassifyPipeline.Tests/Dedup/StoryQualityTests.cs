using ClassifyPipeline.Dedup;
using ClassifyPipeline.Dedup.Evaluation;
using Xunit.Abstractions;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class StoryQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void Run_Fnc1TrainingBodiesDefaultSettings_PairwiseF1AndAriAtLeast092()
    {
        using var reader = new StreamReader(DedupCorpus.Fnc1Gold);
        var gold = GoldStories.Read(reader, DedupCorpus.Fnc1Gold);

        var result = DedupCorpus.Run(DedupCorpus.Fnc1Articles);

        var scores = StoryEvaluator.Evaluate(result.Assignments.Select(a => (a.StoryId, gold[a.Id])).ToList());
        output.WriteLine($"FNC-1 stories: {scores}");
        Assert.Equal(1683, scores.Articles);
        Assert.True(scores.F1 >= 0.92 && scores.AdjustedRand >= 0.92, scores.ToString());
    }
}
