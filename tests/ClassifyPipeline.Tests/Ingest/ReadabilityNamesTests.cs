using ClassifyPipeline.Ingest;

namespace ClassifyPipeline.Tests.Ingest;

public sealed class ReadabilityNamesTests
{
    [Theory]
    [InlineData("toggle-group target hideOnInit", "toggle-group target h_deOnInit")]
    [InlineData("chidori", "ch_dori")]
    [InlineData("HideMe story", "H_deMe story")]
    [InlineData("hid", null)]
    [InlineData("story hid", null)]
    [InlineData("is-hidden", null)]
    [InlineData("article-body", null)]
    public void Repaired_HidInsideAWordOnly(string value, string? expected) => Assert.Equal(expected, ReadabilityNames.Repaired(value));

    [Fact]
    public void Read_ReadMoreContainerNamedHide_KeepsTheWholeArticle()
    {
        var paragraph = "The council voted on Tuesday to extend the program for another two years, officials said in a statement. ";
        var rest = string.Concat(Enumerable.Range(0, 8).Select(i => $"<p>Paragraph {i} of the rest. {paragraph}{paragraph}</p>"));
        var html = $"""
            <html><head><title>Council extends program</title></head><body><div class="content">
            <p>{paragraph}{paragraph}</p><p>{paragraph}</p>
            <div class="toggle-group target hideOnInit">{rest}</div>
            </div></body></html>
            """;

        var article = new HtmlArticleReader().Read("page.html", System.Text.Encoding.UTF8.GetBytes(html), CancellationToken.None).Single().Article!;

        Assert.Contains("Paragraph 7 of the rest", article.Body);
        Assert.Contains("Paragraph 0 of the rest", article.Body);
    }
}
