using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Text;

/// <summary>
/// What a run keeps of a cleaned article once its terms are taken: everything the outputs show, none of the text.
/// A batch of a million articles holds a million of these, so the texts are read again when labeling instead.
/// </summary>
/// <param name="Title">The cleaned headline (<see cref="CleanArticle.Title"/>).</param>
/// <param name="TitlePicked">True when the title was picked from the text rather than marked in the input.</param>
public sealed record ArticleHeader(string Id, string Title, bool TitlePicked, string? Source, string? Url, PublishedTime? Published)
{
    public string? Author { get; init; }

    public string? Lang { get; init; }

    /// <summary>When it was last modified (<see cref="Article.Modified"/>).</summary>
    public PublishedTime? Modified { get; init; }

    public InputPosition? Input { get; init; }

    public static ArticleHeader Of(CleanArticle clean) =>
        new(clean.Id, clean.Title, clean.TitlePicked, clean.Article.Source, clean.Article.Url, clean.Article.Published)
        {
            Author = clean.Article.Author,
            Lang = clean.Article.Lang,
            Modified = clean.Article.Modified,
            Input = clean.Article.Input,
        };
}
