using ClassifyPipeline.Extraction.Evaluation;

namespace ClassifyPipeline.Tests.Extraction;

public sealed class ShingleOverlapTests
{
    [Fact]
    public void Shingles_LowerCasedWordTokens_FourAtATime()
    {
        var shingles = ShingleOverlap.Shingles("The talks, in GENEVA, resumed on Monday.");

        Assert.Equal(4, shingles.Values.Sum());
        Assert.Equal(1, shingles["the talks in geneva"]);
        Assert.Equal(1, shingles["geneva resumed on monday"]);
    }

    [Fact]
    public void Shingles_RepeatedPassage_IsCountedAsAMultiset()
    {
        var shingles = ShingleOverlap.Shingles("a b c d a b c d");

        Assert.Equal(2, shingles["a b c d"]);
        Assert.Equal(5, shingles.Values.Sum());
    }

    [Fact]
    public void Shingles_FewerWordsThanTheSize_IsOneShingleOfThemAll()
    {
        Assert.Equal(["two words"], ShingleOverlap.Shingles("Two words").Keys);
        Assert.Empty(ShingleOverlap.Shingles(" — ... "));
    }

    [Fact]
    public void Compare_Identical_IsAllTruePositives()
    {
        var c = ShingleOverlap.Compare("one two three four five six", "one two three four five six");

        Assert.Equal(1.0, c.TruePositives, 9);
        Assert.Equal(0.0, c.FalsePositives, 9);
        Assert.Equal(0.0, c.FalseNegatives, 9);
    }

    [Fact]
    public void Compare_ExtraAndMissingText_CountsBothSidesNormalizedToOne()
    {
        // expected: 3 shingles (a b c d, b c d e, c d e f); predicted: 3 shingles (b c d e, c d e f, d e f g)
        var c = ShingleOverlap.Compare("a b c d e f", "b c d e f g");

        Assert.Equal(2.0 / 4, c.TruePositives, 9);
        Assert.Equal(1.0 / 4, c.FalsePositives, 9);
        Assert.Equal(1.0 / 4, c.FalseNegatives, 9);
    }

    [Fact]
    public void Compare_NothingPredicted_IsAllFalseNegatives()
    {
        var c = ShingleOverlap.Compare("a b c d e", "");

        Assert.Equal(new ShingleCounts(0, 0, 1), c);
    }

    [Fact]
    public void Compare_BothEmpty_CountsNothing()
    {
        Assert.Equal(new ShingleCounts(0, 0, 0), ShingleOverlap.Compare("", "  "));
    }

    [Fact]
    public void Scores_SummedOverPages_EachPageWeighsTheSame()
    {
        var total = ShingleOverlap.Compare("a b c d e f g h i j k l m n", "a b c d e f g h i j k l m n")
            + ShingleOverlap.Compare("a b c d", "w x y z");

        // page 1: (1, 0, 0); page 2: one wrong shingle each way, (0, 1/2, 1/2) — whatever the pages' lengths
        Assert.Equal(2.0 / 3, total.Precision, 9);
        Assert.Equal(2.0 / 3, total.Recall, 9);
        Assert.Equal(2.0 / 3, total.F1, 9);
    }

    [Fact]
    public void Shingles_NonLatinScripts_AreWords()
    {
        var shingles = ShingleOverlap.Shingles("Привет мир это тест ещё");

        Assert.Equal(2, shingles.Count);
        Assert.Contains("привет мир это тест", shingles.Keys);
    }
}
