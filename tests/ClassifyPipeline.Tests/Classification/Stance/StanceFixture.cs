using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Classification.Stance;

/// <summary>Small FNC-1 subsets (whole stories on each side) and one model trained on the first, shared by the stance tests.</summary>
public sealed class StanceFixture
{
    public static readonly string Fnc1 = RepoPaths.Fnc1;

    public static readonly StanceOptions SmallOptions = new() { Trees = 60, Leaves = 15, MinLeafExamples = 5 };

    public StanceFixture()
    {
        All = Fnc1Reader.Read(Path.Combine(Fnc1, "train_stances.csv"), Path.Combine(Fnc1, "train_bodies.csv"), requireStances: true);
        var stories = Stories = StoryFolds.ReadStories(RepoPaths.Fnc1Stories);
        var train = Fnc1Reader.ReadIds(Path.Combine(RepoPaths.Fnc1StorySplits, "story_training_ids.txt"));
        var test = Fnc1Reader.ReadIds(Path.Combine(RepoPaths.Fnc1StorySplits, "story_hold_out_ids.txt"));
        // every 6th story of each side: a few thousand pairs, whole stories
        Train = All.Where(train.Where(b => stories[b] % 6 == 0).ToHashSet());
        Test = All.Where(test.Where(b => stories[b] % 6 == 1).ToHashSet());
        Model = new StanceEstimator(SmallOptions).Fit(Train);
    }

    public Fnc1Dataset All { get; }

    /// <summary>Body ID → story, of every FNC-1 training body.</summary>
    public IReadOnlyDictionary<int, int> Stories { get; }

    public Fnc1Dataset Train { get; }

    public Fnc1Dataset Test { get; }

    public StanceModel Model { get; }
}
