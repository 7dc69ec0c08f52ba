namespace ClassifyPipeline.Extraction.Evaluation;

/// <summary>One page's result, for finding where an extractor goes wrong.</summary>
public sealed record PageScore(string Page, bool Empty, ShingleCounts Body, DateOnly? ExpectedDate, DateOnly? FoundDate,
    string? ExpectedTitle, string? FoundTitle, string? ExpectedAuthor, string? FoundAuthor, string? ExpectedSource, string? FoundSource);
