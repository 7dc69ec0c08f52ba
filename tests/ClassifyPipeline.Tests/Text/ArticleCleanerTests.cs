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
        return Cleaner.Clean(new Article(prefix, null, null, null, text, null));
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
    [InlineData("001", "WORLD NEWS")]
    [InlineData("001", "15.10.2016")]
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
        var clean = new ArticleCleaner(new CleanOptions { Normalization = UnicodeNormalization.Nfkc }).Clean(article);
        Assert.Equal("final round", clean.Title);
        Assert.Equal("Line one ends.\nLine two.", clean.Body);
    }

    [Fact]
    public void Clean_DefaultNfc_ComposesButChangesNoLetter()
    {
        // "e" + combining acute composes to "é"; the ligature, the fraction and the Arabic presentation form stay
        var article = new Article("x", null, null, "Cafe\u0301 ﬁnal", "Add ½ cup. \uFEFB is lam-alef.", null);

        var clean = Cleaner.Clean(article);

        Assert.Equal("Café ﬁnal", clean.Title);
        Assert.Equal("Add ½ cup. \uFEFB is lam-alef.", clean.Body);
    }

    [Fact]
    public void Clean_ContentLinesInTheMiddle_AreKept_FurnitureAtTheEdgesIsNot()
    {
        const string paragraph = "The council published the full list of the projects it will fund next year, with links to each of them.";
        var body = string.Join('\n', "Tags: council, budget", paragraph, "Read more: the full budget report",
            "https://council.example/budget.pdf", "Photo: Jane Doe / City Council", "Copyright 2020 City Council. All rights reserved.",
            paragraph, "Related stories", "Comments 4");

        var clean = Cleaner.Clean(new Article("x", null, null, "Budget", body, null));

        Assert.Equal(string.Join('\n', paragraph, "Read more: the full budget report", "https://council.example/budget.pdf",
            "Photo: Jane Doe / City Council", "Copyright 2020 City Council. All rights reserved.", paragraph), clean.Body);
    }

    [Fact]
    public void Clean_InterfaceChromeInTheMiddle_IsDropped()
    {
        const string paragraph = "The council published the full list of the projects it will fund next year, with links to each of them.";
        var clean = Cleaner.Clean(new Article("x", null, null, "Budget", $"{paragraph}\nAdvertisement\nShare this story\n{paragraph}", null));

        Assert.Equal($"{paragraph}\n{paragraph}", clean.Body);
    }

    [Theory]
    [InlineData("000", "2014-02-02", null, null)]
    [InlineData("001", "2016-10-15T03:01:00", "USPA NEWS", null)]
    [InlineData("002", "2013-05-09", null, null)]
    [InlineData("003", "2013-05-07", "Los Angeles Times", "Sergei L. Loiko, Paul Richter")]
    [InlineData("004", null, null, null)]
    public void Clean_Seed_ReadsItsMetadataFromTheText(string seed, string? published, string? source, string? author)
    {
        var file = Directory.GetFiles(RepoPaths.Seeds, seed + "_*.txt").Single();
        var article = new TextFileReader().Read(file, TextDecoder.Decode(File.ReadAllBytes(file)).Text!, CancellationToken.None).Single().Article!;

        var clean = Cleaner.Clean(article);

        Assert.Equal(published, clean.Article.Published?.ToString());
        Assert.Equal(source, clean.Article.Source);
        Assert.Equal(author, clean.Article.Author);
        Assert.DoesNotContain("Published on", clean.Body);
        Assert.DoesNotContain("Front Section", clean.Body);
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
