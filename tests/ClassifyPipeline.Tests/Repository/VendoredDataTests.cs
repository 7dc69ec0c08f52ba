using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Repository;

/// <summary>The data copied into the repository (training/, the tests' Data/) is what the tests take it for.</summary>
public sealed class VendoredDataTests
{
    public static TheoryData<string, string> Copies() => new()
    {
        { "training/topics/bbc-train.jsonl", "topics/bbc/train.jsonl" },
        { "training/stance/train_bodies.csv", "stance/fnc1/train_bodies.csv" },
        { "training/stance/train_stances.csv", "stance/fnc1/train_stances.csv" },
        { "tests/ClassifyPipeline.Tests/Data/stories/fnc1-train-stories.csv", "stories/fnc1-train-stories.csv" },
        { "tests/ClassifyPipeline.Tests/Data/fnc1-splits/story_training_ids.txt", "stance/fnc1/splits/story_training_ids.txt" },
        { "tests/ClassifyPipeline.Tests/Data/fnc1-splits/story_hold_out_ids.txt", "stance/fnc1/splits/story_hold_out_ids.txt" },
    };

    [SkippableTheory]
    [MemberData(nameof(Copies))]
    public void Copy_SameBytesAsTheDevelopmentData(string copy, string original)
    {
        var source = DevelopmentData.Require(original.Split('/'));

        Assert.True(File.ReadAllBytes(source).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine([RepoPaths.Root, .. copy.Split('/')]))),
            $"{copy} differs from {source}");
    }

    [Fact]
    public void StorySplit_EveryTrainingBodyOnOneSideWithItsWholeStory()
    {
        var stories = StoryFolds.ReadStories(RepoPaths.Fnc1Stories);
        var train = Fnc1Reader.ReadIds(Path.Combine(RepoPaths.Fnc1StorySplits, "story_training_ids.txt"));
        var holdOut = Fnc1Reader.ReadIds(Path.Combine(RepoPaths.Fnc1StorySplits, "story_hold_out_ids.txt"));
        var bodies = Fnc1Reader.Read(Path.Combine(RepoPaths.Fnc1, "train_stances.csv"), Path.Combine(RepoPaths.Fnc1, "train_bodies.csv")).Bodies.Keys;

        Assert.Equal(191, stories.Values.Distinct().Count());
        Assert.Equal(bodies.Order(), stories.Keys.Order());
        Assert.Equal(bodies.Order(), train.Concat(holdOut).Order());
        Assert.Empty(train.Select(b => stories[b]).Intersect(holdOut.Select(b => stories[b])));
    }
}
