using System.Text.Json;
using ClassifyPipeline.Pipeline;

namespace ClassifyPipeline.Reports;

/// <summary>Writes <c>articles.jsonl</c>: one JSON object per article, in canonical order (published, then id).</summary>
public static class ArticlesJsonlWriter
{
    public static void Write(Stream stream, IEnumerable<ArticleResult> articles) => JsonOutput.WriteLines(stream, articles, WriteArticle);

    private static void WriteArticle(Utf8JsonWriter w, ArticleResult a)
    {
        var article = a.Article;
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("title", article.Title);
        w.WriteString("source", article.Source);
        w.WriteString("author", article.Author);
        w.WriteString("url", article.Url);
        JsonOutput.WriteDate(w, "published", article.Published);
        JsonOutput.WriteDate(w, "modified", article.Modified);
        w.WriteString("lang", article.Lang);
        if (article.Input is { } input)
        {
            w.WriteStartObject("input");
            w.WriteString("file", input.File);
            w.WriteString("location", input.Location);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("input");
        }
        w.WriteString("topic", a.Topic?.Label);
        JsonOutput.WriteNumber(w, "topicScore", a.Topic?.Score);
        w.WriteStartArray("topics");
        foreach (var label in a.Topic?.Labels ?? [])
        {
            w.WriteStartObject();
            w.WriteString("label", label.Label);
            w.WriteNumber("score", JsonOutput.Round(label.Score));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("stance", a.Stance?.Stance);
        JsonOutput.WriteNumber(w, "stanceConfidence", a.Stance?.Confidence);
        w.WriteString("stanceTarget", a.Stance?.TargetId);
        w.WriteStartArray("claims");
        foreach (var claim in a.Claims)
        {
            w.WriteStartObject();
            w.WriteString("claim", claim.Claim);
            w.WriteString("stance", claim.Stance);
            w.WriteNumber("confidence", JsonOutput.Round(claim.Confidence));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("storyId", a.Dedup.StoryId);
        w.WriteString("threadId", a.ThreadId);
        w.WriteString("duplicateOf", a.Dedup.DuplicateOf);
        JsonOutput.WriteNumber(w, "similarity", a.Dedup.DuplicateSimilarity ?? a.Dedup.StorySimilarity);
        JsonOutput.WriteNumber(w, "duplicateSimilarity", a.Dedup.DuplicateSimilarity);
        JsonOutput.WriteNumber(w, "storySimilarity", a.Dedup.StorySimilarity);
        w.WriteBoolean("titlePicked", article.TitlePicked);
        w.WriteEndObject();
    }
}
