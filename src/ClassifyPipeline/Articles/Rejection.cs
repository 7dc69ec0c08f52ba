namespace ClassifyPipeline.Articles;

/// <summary>An input, or one record of it, that could not become an article.</summary>
/// <param name="Input">The file (or other input) it came from.</param>
/// <param name="Location">Where in the input: "line 12", "item 3", "row 7"; null for the whole input.</param>
/// <param name="Reason">Why it was rejected, in words a user can act on.</param>
public sealed record Rejection(string Input, string? Location, string Reason);
