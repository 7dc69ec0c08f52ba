using ClassifyPipeline.Text;

namespace ClassifyPipeline.Extraction.Evaluation;

/// <summary>Scores extracted articles against a labeled page set: body text, publication day, title, author, source, language.</summary>
public static class ExtractionEvaluator
{
    /// <param name="pages">Each expected page with what was extracted from it (null when nothing was).</param>
    public static (ExtractionScores Scores, List<PageScore> Pages) Evaluate(IEnumerable<(ExpectedPage Expected, CleanArticle? Found)> pages)
    {
        var body = default(ShingleCounts);
        DateScores dates = default, datesExpected = default;
        FieldAgreement title = default, author = default, source = default, lang = default;
        var count = 0;
        var empty = 0;
        var details = new List<PageScore>();
        foreach (var (expected, found) in pages)
        {
            count++;
            var text = found?.Body;
            if (string.IsNullOrWhiteSpace(text))
                empty++;
            var page = ShingleOverlap.Compare(expected.Text, text);
            body += page;
            var want = expected.Published?.Date;
            var got = found?.Article.Published?.Date;
            dates = dates.Add(want, got);
            if (want is not null)
                datesExpected = datesExpected.Add(want, got);
            title = title.Add(expected.Title, found?.Title);
            author = author.Add(expected.Author, found?.Article.Author);
            source = source.Add(expected.Source, found?.Article.Source);
            lang = lang.Add(Primary(expected.Lang), Primary(found?.Article.Lang));
            details.Add(new PageScore(expected.Page, string.IsNullOrWhiteSpace(text), page, want, got,
                expected.Title, found?.Title, expected.Author, found?.Article.Author, expected.Source, found?.Article.Source));
        }
        return (new ExtractionScores(count, empty, body, dates, datesExpected, title, author, source, lang), details);
    }

    /// <summary>The primary language subtag ("en" of "en-US" or "en_GB"), which is what is compared.</summary>
    private static string? Primary(string? tag) =>
        string.IsNullOrWhiteSpace(tag) ? null : tag.Trim().Split('-', '_')[0].ToLowerInvariant();
}
