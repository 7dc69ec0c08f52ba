using ClassifyPipeline.Dedup.Evaluation;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class GoldStoriesTests
{
    [Fact]
    public void Read_Fnc1HeaderQuotedFieldsAndBlankLines_IdToStory()
    {
        var gold = GoldStories.Read(new StringReader("\nStory ID, Body ID ,note\n1,a,\"two\nlines\"\n   \n2, b ,x\n"), "g.csv");

        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, gold);
    }

    [Theory]
    [InlineData("", "g.csv: empty file")]
    [InlineData("\nid,label\na,x\n", "g.csv line 2: the header needs an id column")]
    [InlineData("id,story,story\na,x,y\n", "g.csv line 1: the header names a column twice")]
    [InlineData("id,story\na,x\n\"b\nb\",y,z\n", "g.csv line 3: expected 2 fields as in the header, found 3")]
    [InlineData("id,story\na,x\n\"b,y\n", "g.csv line 3: unterminated quoted field")]
    [InlineData("id,story\na,x\n ,y\n", "g.csv line 3: empty id or story")]
    [InlineData("id,story\na,x\n\"b\nb\",y\na,z\n", "g.csv line 5: id 'a' appears twice")]
    public void Read_BadInput_ErrorNamesLineAndReason(string csv, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => GoldStories.Read(new StringReader(csv), "g.csv"));
        Assert.StartsWith(message, e.Message);
    }
}
