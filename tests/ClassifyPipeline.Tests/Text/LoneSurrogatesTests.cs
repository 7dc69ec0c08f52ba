using ClassifyPipeline.Text;

namespace ClassifyPipeline.Tests.Text;

public class LoneSurrogatesTests
{
    [Fact]
    public void Replace_ValidText_SameInstance()
    {
        var text = "Kerry 😀 Lavrov";
        Assert.Same(text, LoneSurrogates.Replace(text));
    }

    // built in code: a lone surrogate in an attribute argument does not survive the compiler's metadata encoding, and
    // xunit serializes lone halves alike (duplicate test ids), so the theory takes the case's index
    private static readonly (string Text, string Expected)[] LoneHalves =
    [
        ("a" + '\uD800' + "b", "a\uFFFDb"),
        ("a" + '\uDC00' + "b", "a\uFFFDb"),
        ('\uD800'.ToString(), "\uFFFD"),
        ("x\uD83D\uDE00" + '\uD800', "x\uD83D\uDE00\uFFFD"),
        ('\uDE00'.ToString() + '\uD83D', "\uFFFD\uFFFD"),
    ];

    public static TheoryData<int> LoneHalfCases => [.. Enumerable.Range(0, LoneHalves.Length)];

    [Theory]
    [MemberData(nameof(LoneHalfCases))]
    public void Replace_LoneHalves_BecomeReplacementCharacters(int index)
    {
        var (text, expected) = LoneHalves[index];
        var repaired = LoneSurrogates.Replace(text);
        Assert.Equal(expected, repaired);
        Assert.True(repaired.IsNormalized());
    }
}
