using ClassifyPipeline.Text.Filters;

namespace ClassifyPipeline.Tests.Text;

public sealed class PluralStemFilterTests
{
    [Theory]
    [InlineData("claims", "claim")]
    [InlineData("hoaxes", "hoax")]
    [InlineData("witches", "witch")]
    [InlineData("clashes", "clash")]
    [InlineData("classes", "class")]
    [InlineData("stories", "story")]
    [InlineData("ties", "tie")]
    [InlineData("syria's", "syria")]
    [InlineData("countries's", "country")]
    [InlineData("news", "new")]
    [InlineData("gas", "gas")]
    [InlineData("bus", "bus")]
    [InlineData("chaos", "chao")]
    [InlineData("crisis", "crisis")]
    [InlineData("status", "status")]
    [InlineData("glass", "glass")]
    [InlineData("talked", "talked")]
    [InlineData("s", "s")]
    public void Stem_PluralAndPossessiveEndingsOnly(string token, string expected) => Assert.Equal(expected, new PluralStemFilter().Stem(token));
}
