using ClassifyPipeline.Metadata;

namespace ClassifyPipeline.Tests.Metadata;

public sealed class JsonLdReaderTests
{
    [Fact]
    public void Read_ArticleBeatsPageAndOtherTypes()
    {
        var a = JsonLdReader.Read([
            """{"@type":"BreadcrumbList","itemListElement":[]}""",
            """[{"@type":"WebPage","datePublished":"2019-01-01"},{"@type":"http://schema.org/ReportageNewsArticle","datePublished":"2020-01-18","author":"Jane Doe"}]""",
        ])!;

        Assert.Equal("ReportageNewsArticle", a.Type);
        Assert.Equal("2020-01-18", a.Published);
        Assert.Equal(["Jane Doe"], a.Authors);
    }

    [Fact]
    public void Read_NothingUseful_IsNull() =>
        Assert.Null(JsonLdReader.Read(["not json at all", """{"@type":"BreadcrumbList"}"""]));

    [Fact]
    public void Read_DeeplyNested_DoesNotOverflow()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000);
        Assert.Null(JsonLdReader.Read([deep]));
    }
}
