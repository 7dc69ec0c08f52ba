namespace ClassifyPipeline.Extraction.Evaluation;

/// <summary>
/// How well one text field (title, author, source) agrees with the expected value, over the pages that expect one:
/// <see cref="Exact"/> counts values equal once case, white space and a leading "By" are set aside;
/// <see cref="TokenF1"/> is the mean F1 of the two sets of word tokens (a missing value scores 0).
/// </summary>
public readonly record struct FieldAgreement(int Expected, int Found, int Exact, double TokenF1Sum)
{
    public double ExactRate => Expected == 0 ? 0 : (double)Exact / Expected;

    public double TokenF1 => Expected == 0 ? 0 : TokenF1Sum / Expected;

    /// <summary>The agreement with one more page counted; pages that expect nothing are not counted.</summary>
    public FieldAgreement Add(string? expected, string? found)
    {
        var want = Normalize(expected);
        if (want.Length == 0)
            return this;
        var got = Normalize(found);
        return new FieldAgreement(Expected + 1, Found + (got.Length > 0 ? 1 : 0), Exact + (want == got ? 1 : 0), TokenF1Sum + SetF1(want, got));
    }

    private static string Normalize(string? value)
    {
        var words = string.Join(' ', ShingleOverlap.Tokens(value));
        return words.StartsWith("by ", StringComparison.Ordinal) ? words[3..] : words;
    }

    private static double SetF1(string expected, string found)
    {
        var a = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var b = found.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (a.Count == 0 || b.Count == 0)
            return 0;
        var common = a.Count(b.Contains);
        return common == 0 ? 0 : 2.0 * common / (a.Count + b.Count);
    }
}
