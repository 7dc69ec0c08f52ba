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
}
