using ClassifyPipeline.Articles;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Tests.Support;
using ClassifyPipeline.Text;

namespace ClassifyPipeline.Tests.Text;

public sealed class ArticleCleanerTests
{
    private static readonly ArticleCleaner Cleaner = new(new CleanOptions());

    private static CleanArticle Seed(string prefix)
    {
        var file = Directory.GetFiles(RepoPaths.Seeds, prefix + "_*.txt").Single();
        var text = TextDecoder.Decode(File.ReadAllBytes(file)).Text!;
        return Cleaner.Clean(new Article(prefix, "seeds", null, null, text, null));
    }

    [Theory]
    [InlineData("000", "Get Syria back to peace talks, U.N. says")]
    [InlineData("001", "U.S. broadens Syria talks after failure of truce deal with Russia")]
    [InlineData("002", "Kerry pushes Syria peace talks with Russian FM")]
    [InlineData("003", "U.S. and Russia to seek Syria peace talks")]
    [InlineData("004", "Syria Peace Talks Expected to Start 'in next Few Days', Says Lavrov")]
    public void Clean_Seed_PicksTheHeadline(string seed, string headline)
    {
        var clean = Seed(seed);
        Assert.Equal(headline, clean.Title);
        Assert.True(clean.TitlePicked);
    }

    [Theory]
    [InlineData("000", "Upcoming Events")]
    [InlineData("001", "Beat: News")]
    [InlineData("001", "Exemption from liability")]
    [InlineData("001", "Official Federal Reg. No.")]
    [InlineData("002", "Consular assistance in Russia")]
    [InlineData("002", "Home News Kerry")]
    [InlineData("003", "YOU ARE HERE")]
    [InlineData("003", "Los Angeles Times Articles")]
    [InlineData("003", "|By Sergei L. Loiko")]
    [InlineData("004", "Comments 0")]
    public void Clean_Seed_DropsSiteChromeFromTheBody(string seed, string chrome) =>
        Assert.DoesNotContain(chrome, Seed(seed).Body);

    [Theory]
    [InlineData("000", "Lavrov insisted that")]
    [InlineData("001", "Kerry has pointedly avoided new bilateral negotiations")]
    [InlineData("003", "Obama said that")]
    [InlineData("004", "Those strikes have killed 4,256 people")]
    public void Clean_Seed_KeepsTheArticleText(string seed, string text) =>
        Assert.Contains(text, Seed(seed).Body);

    [Fact]
    public void Clean_MarkedTitle_IsKeptAndNotRepeatedInTheBody()
    {
        var article = new Article("x", null, null, "  Talks  resume ", "Talks resume\nThe talks resumed on Monday in Geneva.\nComments 3", null);
        var clean = Cleaner.Clean(article);
        Assert.Equal("Talks resume", clean.Title);
        Assert.Equal("The talks resumed on Monday in Geneva.", clean.Body);
        Assert.False(clean.TitlePicked);
    }

    [Fact]
    public void Clean_UnicodeAndWhitespace_AreNormalized()
    {
        var article = new Article("x", null, null, "ﬁnal\u00A0 round", "Line\u00A0one\t\tends\u200B.\r\n\r\n\r\nLine two.", null);
        var clean = Cleaner.Clean(article);
        Assert.Equal("final round", clean.Title);
        Assert.Equal("Line one ends.\nLine two.", clean.Body);
    }

    [Fact]
    public void Clean_ConfiguredPatterns_DropLinesAndFooters()
    {
        var cleaner = new ArticleCleaner(new CleanOptions { BoilerplatePatterns = ["Sponsored by .*"], FooterPatterns = ["--- end ---"] });
        var clean = cleaner.Clean(new Article("x", null, null, "T", "Body text here.\nSponsored by Acme\nMore text.\n--- end ---\nFooter junk", null));
        Assert.Equal("Body text here.\nMore text.", clean.Body);
    }

    [Fact]
    public void Clean_NoQualifyingHeadline_FallsBackToTheFirstWords()
    {
        var clean = Cleaner.Clean(new Article("x", null, null, null, "ok.", null));
        Assert.Equal("ok.", clean.Title);
    }

    [Fact]
    public void Clean_ArticleStartsWithAParagraph_NoLineOfTheTextIsDropped()
    {
        var paragraph = "Police in the city said on Monday that they had found the missing hiker alive after a search that lasted three days and involved more than two hundred volunteers from nearby towns.";
        var text = paragraph + "\n\"We are so relieved,\" his mother said.\nRescuers found him near the river.";
        var clean = new ArticleCleaner(new CleanOptions()).Clean(new ClassifyPipeline.Articles.Article("x", null, null, null, text, null));
        Assert.Contains(paragraph, clean.Body);
        Assert.Contains("Rescuers found him near the river.", clean.Body);
    }
}
