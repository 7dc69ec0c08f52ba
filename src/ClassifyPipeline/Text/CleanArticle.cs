using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Text;

/// <summary>An article with site chrome removed and a title chosen.</summary>
/// <param name="Article">The article as read.</param>
/// <param name="Title">The headline: the marked title, or the one picked from the text.</param>
/// <param name="Body">The article text without the title, chrome lines and footer, one paragraph per line.</param>
/// <param name="TitlePicked">True when the title was picked from the text rather than marked in the input.</param>
public sealed record CleanArticle(Article Article, string Title, string Body, bool TitlePicked)
{
    public string Id => Article.Id;
}
