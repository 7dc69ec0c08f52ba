using ClassifyPipeline.Text;

namespace ClassifyPipeline.Tests.Text;

public sealed class TokenizerTests
{
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        Tokenizer.Tokenize(text, (start, length) => tokens.Add(text.Substring(start, length)));
        return tokens;
    }

    [Theory]
    [InlineData("don't stop", new[] { "don't", "stop" })]
    [InlineData("Russia’s army", new[] { "Russia’s", "army" })]
    [InlineData("rock 'n' roll", new[] { "rock", "n", "roll" })]
    [InlineData("war-torn country", new[] { "war", "torn", "country" })]
    [InlineData("the U.S. and U.N. said", new[] { "the", "U.S", "and", "U.N", "said" })]
    [InlineData("3.14 and 1,000,000 and 15.10.2016", new[] { "3.14", "and", "1,000,000", "and", "15.10.2016" })]
    [InlineData("end. Next", new[] { "end", "Next" })]
    [InlineData("a,b", new[] { "a", "b" })]
    [InlineData("covid19 g20 3G", new[] { "covid19", "g20", "3G" })]
    [InlineData("snake_case word", new[] { "snake_case", "word" })]
    public void Tokenize_Punctuation_FollowsWordBoundaryRules(string text, string[] expected) =>
        Assert.Equal(expected, Tokens(text));

    [Fact]
    public void Tokenize_NonLatinScripts_KeepsWords()
    {
        Assert.Equal(["Москва", "заявила"], Tokens("Москва заявила."));
        Assert.Equal(["Αθήνα"], Tokens("Αθήνα"));
        Assert.Equal(["دمشق", "سوريا"], Tokens("دمشق، سوريا"));
    }

    [Fact]
    public void Tokenize_Han_EachIdeographIsAToken() =>
        Assert.Equal(["和", "平", "talks"], Tokens("和平 talks"));

    [Fact]
    public void Tokenize_Emoji_AreNotTokensAndDoNotJoinWords() =>
        Assert.Equal(["peace", "talks", "now"], Tokens("peace🕊️talks 👍🏽 now"));

    [Fact]
    public void Tokenize_CombiningMarks_StayInsideTheWord()
    {
        var decomposed = "Cafe\u0301 noir";
        Assert.Equal(["Cafe\u0301", "noir"], Tokens(decomposed));
    }

    [Fact]
    public void Tokenize_LoneSurrogate_IsSkippedWithoutThrowing() =>
        Assert.Equal(["ab", "cd"], Tokens("ab\uD800cd"));

    [Fact]
    public void Tokenize_RandomText_TokensAreInBoundsOrderedAndHoldALetterOrDigit()
    {
        var random = new Random(42);
        char[] alphabet = ['a', 'Z', '9', '.', ',', '\'', '’', '-', ' ', '_', '\n', 'é', '\u0301', '和', '\uD83D', '\uDE00', '\uD800', 'Я', '!'];
        for (var round = 0; round < 2000; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var last = 0;
            Tokenizer.Tokenize(text, (start, length) =>
            {
                Assert.True(start >= last && length > 0 && start + length <= text.Length, $"bad span {start}+{length} in '{text}'");
                var token = text.AsSpan(start, length);
                Assert.True(token.ContainsAnyExcept(".,'’_\u0301"), $"token without a letter or digit: '{token}' in '{text}'");
                Assert.True(char.IsLetterOrDigit(token[0]) || char.IsSurrogate(token[0]), $"token starts with '{token[0]}'");
                last = start + length;
            });
        }
    }
}
