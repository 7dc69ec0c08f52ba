using ClassifyPipeline.Dedup;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class DuplicateTierTests
{
    private const string Text = "The minister said on Tuesday that the talks would resume next week in Geneva, after a pause of two months.";
    private const string Other = "Shares fell sharply in early trading as investors weighed the central bank's latest decision on interest rates.";

    [Fact]
    public void IsDuplicate_SameTextAboveCosine_True()
    {
        var tier = Tier(0.65, TextSketch.Of(Text), TextSketch.Of("UPDATE. " + Text));

        Assert.True(tier.IsDuplicate(0, 1, 0.95));
    }

    [Fact]
    public void IsDuplicate_OtherTextAboveCosine_False()
    {
        var tier = Tier(0.65, TextSketch.Of(Text), TextSketch.Of(Other));

        Assert.False(tier.IsDuplicate(0, 1, 0.95));
    }

    [Fact]
    public void IsDuplicate_BelowCosine_FalseWhateverTheText()
    {
        var tier = Tier(0.65, TextSketch.Of(Text), TextSketch.Of(Text));

        Assert.False(tier.IsDuplicate(0, 1, 0.69));
    }

    [Fact]
    public void IsDuplicate_NoSketchOrNoContainmentSet_CosineAlone()
    {
        Assert.True(Tier(0.65, TextSketch.Of(Text), null).IsDuplicate(0, 1, 0.7));
        Assert.True(Tier(null, TextSketch.Of(Text), TextSketch.Of(Other)).IsDuplicate(0, 1, 0.7));
    }

    [Fact]
    public void IsDuplicate_TextTooShortToShingle_CosineAlone()
    {
        var tier = Tier(0.65, TextSketch.Of("Talks resume"), TextSketch.Of("Talks resume"));

        Assert.True(tier.IsDuplicate(0, 1, 0.95));
    }

    [Fact]
    public void Settle_AnswersAsBeforeForItsEdgesWithoutTheSketches()
    {
        var sketches = new[] { TextSketch.Of(Text), TextSketch.Of("UPDATE. " + Text), TextSketch.Of(Other) };
        var tier = new DuplicateTier(new DedupOptions { DuplicateThreshold = 0.7, DuplicateContainment = 0.65 }, k => sketches[k]);
        (int, int, double)[] edges = [(0, 1, 0.9), (0, 2, 0.9), (1, 2, 0.5)];

        var settled = tier.Settle(edges);
        sketches = [null!, null!, null!];

        Assert.True(settled.IsDuplicate(0, 1, 0.9));
        Assert.False(settled.IsDuplicate(0, 2, 0.9));
        Assert.False(settled.IsDuplicate(1, 2, 0.5));
        // a pair it was not settled over is not a duplicate, whatever its cosine
        Assert.False(settled.IsDuplicate(1, 0, 0.95));
    }

    private static DuplicateTier Tier(double? containment, TextSketch? a, TextSketch? b) =>
        new(new DedupOptions { DuplicateThreshold = 0.7, DuplicateContainment = containment }, k => k == 0 ? a : b);
}
