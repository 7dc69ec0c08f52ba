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

    // built in code: a lone surrogate in an attribute argument does not survive the compiler's metadata encoding
    public static TheoryData<string, string> LoneHalves => new()
    {
        { "a" + '\uD800' + "b", "a\uFFFDb" },
        { "a" + '\uDC00' + "b", "a\uFFFDb" },
        { '\uD800'.ToString(), "\uFFFD" },
        { "x\uD83D\uDE00" + '\uD800', "x\uD83D\uDE00\uFFFD" },
        { '\uDE00'.ToString() + '\uD83D', "\uFFFD\uFFFD" },
    };

    [Theory]
    [MemberData(nameof(LoneHalves))]
    public void Replace_LoneHalves_BecomeReplacementCharacters(string text, string expected)
    {
        var repaired = LoneSurrogates.Replace(text);
        Assert.Equal(expected, repaired);
        Assert.True(repaired.IsNormalized());
    }
}
