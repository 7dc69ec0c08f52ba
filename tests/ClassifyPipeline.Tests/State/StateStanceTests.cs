using ClassifyPipeline.Classification;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.State;
using ClassifyPipeline.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Tests.State;

public sealed class StateStanceTests
{
    /// <summary>Records the pairs it is asked about and answers "discuss".</summary>
    private sealed class RecordingStance : IStanceClassifier
    {
        public List<StancePair> Pairs { get; } = [];

        public IReadOnlyList<StancePrediction> Predict(IReadOnlyList<StancePair> pairs, CancellationToken cancellationToken)
        {
            Pairs.AddRange(pairs);
            return pairs.Select(_ => new StancePrediction("discuss", 0.9)).ToList();
        }
    }

    [Fact]
    public void Run_LeadStoredByAnEarlierBatch_StanceTakenTowardItsHeadline()
    {
        using var temp = new TempDirectory();
        var options = StateTestData.Options();
        var story = StateTestData.FncArticles(stories: 4)
            .GroupBy(a => a.Id[..3]).First().ToList(); // all FNC ids share the prefix: take the corpus as one group
        var ordered = story.OrderBy(a => a.Published).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select((a, i) => a with { Title = "Headline " + a.Id })
            .ToList();
        var state = Path.Combine(temp.Path, "state");

        var first = Run(state, StateTestData.WriteBatch(temp.Path, "a", ordered.Take(ordered.Count / 2)), options, new RecordingStance());
        var stance = new RecordingStance();
        var second = Run(state, StateTestData.WriteBatch(temp.Path, "b", ordered.Skip(ordered.Count / 2)), options, stance);

        var batchIds = second.Articles.Select(a => a.Id).ToHashSet();
        var storedLeads = second.Stories.Where(s => !batchIds.Contains(s.LeadId)).ToList();
        Assert.NotEmpty(storedLeads); // the split left later articles in stories led by first-batch articles
        foreach (var s in storedLeads)
        {
            Assert.Equal("Headline " + s.LeadId, s.LeadTitle);
            foreach (var member in second.Articles.Where(a => a.Dedup.StoryId == s.Id))
            {
                Assert.Equal("discuss", member.Stance?.Stance);
                Assert.Equal(s.LeadId, member.Stance?.TargetId);
            }
        }
        Assert.Contains(stance.Pairs, p => storedLeads.Any(s => p.Headline == "Headline " + s.LeadId));
        Assert.NotEmpty(first.Stories);
    }

    private static RunResult Run(string stateDir, string batch, PipelineOptions options, IStanceClassifier stance)
    {
        using var store = SqliteCorpusState.Open(stateDir, options.State);
        return new PipelineRunner(options, NullLogger.Instance, stances: stance, state: store).Run([batch]);
    }
}
