using ClassifyPipeline.Articles;
using ClassifyPipeline.Text;

namespace ClassifyPipeline.Tests.Text;

public sealed class TextAnalyzerTests
{
    [Fact]
    public void Terms_DefaultChain_FoldsCaseStripsPossessivesAndStopWords() =>
        Assert.Equal(["russia", "foreign", "minister", "said", "talks"],
            new TextAnalyzer(new AnalysisOptions()).Terms("Russia’s foreign minister said that the talks"));

    [Fact]
    public void Terms_NoStopWords_KeepsThem() =>
        Assert.Equal(["the", "talks"], new TextAnalyzer(new AnalysisOptions { StopWords = StopWordList.None }).Terms("The talks"));

    [Fact]
    public void Terms_EnglishStemming_StemsWords() =>
        Assert.Equal(["negoti", "talk", "continu"],
            new TextAnalyzer(new AnalysisOptions { Stemming = Stemming.English }).Terms("negotiations talks continued"));

    [Fact]
    public void Terms_Bigrams_BuiltOverFilteredWords() =>
        Assert.Equal(["peace", "talks", "resume", "peace talks", "talks resume"],
            new TextAnalyzer(new AnalysisOptions { MaxNGram = 2 }).Terms("The peace talks will resume"));

    [Fact]
    public void Terms_LengthBounds_DropShortAndLongTokens() =>
        Assert.Equal(["ok"], new TextAnalyzer(new AnalysisOptions { MinTokenLength = 2, MaxTokenLength = 3 }).Terms("a ok four"));

    [Fact]
    public void Terms_TurkishDottedI_IsFoldedInvariantly() =>
        Assert.Equal(["istanbul"], new TextAnalyzer(new AnalysisOptions()).Terms("ISTANBUL"));

    [Fact]
    public void Analyze_TitleWeight_RepeatsTitleTerms()
    {
        var clean = new CleanArticle(new Article("x", null, null, null, "body", null), "Peace", "Talks begin", TitlePicked: false);
        Assert.Equal(["peace", "peace", "talks", "begin"], new TextAnalyzer(new AnalysisOptions { TitleWeight = 2 }).Analyze(clean).Terms);
        Assert.Equal(["talks", "begin"], new TextAnalyzer(new AnalysisOptions { TitleWeight = 0 }).Analyze(clean).Terms);
    }

    [Fact]
    public void Terms_CompatibilityForms_AreFoldedForMatching() =>
        Assert.Equal(["final", "round"], new TextAnalyzer(new AnalysisOptions()).Terms("ﬁnal ｒｏｕｎｄ"));

    [Fact]
    public void Analyze_LeadWeight_RepeatsFirstParagraphOnly()
    {
        var clean = new CleanArticle(new Article("x", null, null, null, "body", null), "Peace", "\nTalks begin\nRebels wait", TitlePicked: false);
        Assert.Equal(["peace", "talks", "begin", "rebels", "wait", "talks", "begin"], new TextAnalyzer(new AnalysisOptions { TitleWeight = 1, LeadWeight = 2 }).Analyze(clean).Terms);
        Assert.Equal(["peace", "talks", "begin", "rebels", "wait"], new TextAnalyzer(new AnalysisOptions { TitleWeight = 1 }).Analyze(clean).Terms);
    }

    [Fact]
    public void Terms_NumberWeight_CountsTokensOfDigitsWithTwoOrMoreDigitsThatManyTimes() =>
        // numbers: digits with "." or "," inside ("2013", "3.5", "1,200", "07"); not "x2", "g7" (letters) nor "5" (one digit)
        Assert.Equal(["talks", "2013", "cost", "1,200", "3.5", "x2", "g7", "07", "2013", "1,200", "3.5", "07"],
            new TextAnalyzer(new AnalysisOptions { NumberWeight = 2 }).Terms("Talks in 2013 cost 1,200 or 3.5 x2 G7 07"));

    [Fact]
    public void Terms_NumberWeight_SingleDigitIsNotANumberToken() =>
        Assert.Equal(["5", "10", "10", "10"], new TextAnalyzer(new AnalysisOptions { MinTokenLength = 1, NumberWeight = 3 }).Terms("5 10"));

    [Fact]
    public void Terms_NumberWeightOne_LeavesTermsAsBefore() =>
        Assert.Equal(["talks", "2013", "cost", "1,200"], new TextAnalyzer(new AnalysisOptions()).Terms("Talks in 2013 cost 1,200"));

    [Fact]
    public void Terms_NumberWeightWithBigrams_RepeatsTheWordNotTheBigrams() =>
        Assert.Equal(["talks", "2013", "talks 2013", "2013"], new TextAnalyzer(new AnalysisOptions { MaxNGram = 2, NumberWeight = 2 }).Terms("talks 2013"));

    [Fact]
    public void Terms_EntityWeight_CountsCapitalizedWordsThatDoNotStartASentence() =>
        // "Kerry" starts the text, "Talks" a sentence, "Moscow" a paragraph: not counted again; "Lavrov", "Geneva", "NATO" are
        Assert.Equal(["kerry", "met", "lavrov", "geneva", "talks", "began", "nato", "moscow", "said", "lavrov", "geneva", "nato"],
            new TextAnalyzer(new AnalysisOptions { EntityWeight = 2 }).Terms("Kerry met Lavrov in Geneva. Talks began with NATO\nMoscow said"));

    [Fact]
    public void Terms_EntityWeight_QuoteOrBracketAfterTheStopStillStartsASentence() =>
        Assert.Equal(["said", "talks", "end", "rebels", "wait", "kerry", "kerry"],
            new TextAnalyzer(new AnalysisOptions { EntityWeight = 2 }).Terms("\"He said.\" Talks end! (Rebels wait for Kerry"));

    [Fact]
    public void Analyze_NumberAndEntityWeight_MultiplyWithTheTitleWeight()
    {
        var clean = new CleanArticle(new Article("x", null, null, null, "body", null), "Talks on MH17 in 2014", "Kerry met Lavrov", TitlePicked: false);
        Assert.Equal(["talks", "mh17", "2014", "2014", "talks", "mh17", "2014", "2014", "kerry", "met", "lavrov", "lavrov"],
            new TextAnalyzer(new AnalysisOptions { TitleWeight = 2, NumberWeight = 2, EntityWeight = 2 }).Analyze(clean).Terms);
    }
}
