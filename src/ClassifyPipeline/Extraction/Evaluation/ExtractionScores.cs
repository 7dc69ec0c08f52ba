namespace ClassifyPipeline.Extraction.Evaluation;

/// <summary>The metrics of an extractor over a labeled page set.</summary>
/// <param name="Pages">Pages scored.</param>
/// <param name="Empty">Pages from which no article came (rejected, or no text).</param>
/// <param name="Body">Body text: 4-word shingles (<see cref="ShingleOverlap"/>), summed over pages.</param>
/// <param name="Dates">Publication day over all pages.</param>
/// <param name="DatesExpected">Publication day over the pages that expect a date.</param>
public sealed record ExtractionScores(int Pages, int Empty, ShingleCounts Body, DateScores Dates, DateScores DatesExpected,
    FieldAgreement Title, FieldAgreement Author, FieldAgreement Source, FieldAgreement Lang);
