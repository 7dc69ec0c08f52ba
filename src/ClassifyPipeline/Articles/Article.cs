namespace ClassifyPipeline.Articles;

/// <summary>One news article as it enters the pipeline. Stages add their own result types instead of changing it.</summary>
public sealed record Article(
    string Id,
    string? Source,
    string? Url,
    string? Title,
    string Body,
    DateTimeOffset? Published);
