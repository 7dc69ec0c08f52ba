using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Extraction.Evaluation;

/// <summary>One labeled page: its file name stem and what an extractor should find in it (null where nothing is expected).</summary>
/// <param name="Page">The page's name: the file is <c>&lt;page&gt;.html</c> or <c>&lt;page&gt;.html.gz</c> in the page folder.</param>
/// <param name="Published">The expected publication time (its calendar day is what is scored).</param>
public sealed record ExpectedPage(string Page, string? Title, string? Author, string? Source, PublishedTime? Published, string? Lang, string Text);
