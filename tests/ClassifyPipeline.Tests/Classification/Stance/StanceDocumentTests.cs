using ClassifyPipeline.Classification.Stance;
using Xunit;

namespace ClassifyPipeline.Tests.Classification.Stance;

public sealed class StanceDocumentTests
{
    [Fact]
    public void Create_QuotedSpeech_CountsQuotesPerSentence()
    {
        var d = StanceDocument.Create("The mayor spoke. \u201CIt is a hoax,\u201D she said. Officials agreed \"fully\" and \"at once\".\nNo quotes here");
        Assert.Equal(4, d.SentenceCount);
        Assert.Equal([0, 2, 4, 0], d.SentenceQuotes);
    }

    [Fact]
    public void Create_OpeningQuoteBeforeFirstWord_BelongsToThatSentence()
    {
        var d = StanceDocument.Create("\"Fake,\" he said. Done.");
        Assert.Equal([2, 0], d.SentenceQuotes);
    }
}
