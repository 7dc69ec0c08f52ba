using System.Text;

namespace ClassifyPipeline.Extraction.Evaluation;

/// <summary>
/// The body-text metric of the common article-extraction benchmarks (Scrapinghub's article-extraction-benchmark,
/// which trafilatura and Readability.js are scored on): both texts become word tokens (runs of letters, digits,
/// marks and underscores, lower-cased), the tokens become shingles of 4 consecutive words, and the two
/// <em>multisets</em> of shingles are matched: a shingle that appears twice in one text and once in the other counts
/// one true positive and one false positive or negative. A text of fewer than 4 words is one shingle of them all.
/// Each page's counts are divided by their sum before pages are added, so a long page weighs no more than a short one.
/// </summary>
public static class ShingleOverlap
{
    public const int Size = 4;

    /// <summary>The counts of one page: expected text against extracted text, normalized to sum to 1 (0 when both are empty).</summary>
    public static ShingleCounts Compare(string? expected, string? extracted)
    {
        var want = Shingles(expected);
        var got = Shingles(extracted);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (shingle, count) in got)
        {
            var expectedCount = want.GetValueOrDefault(shingle);
            tp += Math.Min(count, expectedCount);
            fp += Math.Max(0, count - expectedCount);
        }
        foreach (var (shingle, count) in want)
            fn += Math.Max(0, count - got.GetValueOrDefault(shingle));
        var sum = tp + fp + fn;
        return sum == 0 ? default : new ShingleCounts(tp / sum, fp / sum, fn / sum);
    }

    /// <summary>The shingles of a text and how often each occurs, each shingle its words joined by one space.</summary>
    public static Dictionary<string, int> Shingles(string? text)
    {
        var tokens = Tokens(text);
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
            return shingles;
        var count = Math.Max(1, tokens.Count - Size + 1);
        for (var i = 0; i < count; i++)
        {
            var key = string.Join(' ', tokens.Skip(i).Take(Size));
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }
        return shingles;
    }

    /// <summary>Lower-cased word tokens, as Python's <c>re.findall(r'\w+')</c> finds them.</summary>
    public static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
            return tokens;
        var sb = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWord(rune))
            {
                sb.Append(Rune.ToLowerInvariant(rune).ToString());
                continue;
            }
            if (sb.Length > 0)
            {
                tokens.Add(sb.ToString());
                sb.Clear();
            }
        }
        if (sb.Length > 0)
            tokens.Add(sb.ToString());
        return tokens;
    }

    private static bool IsWord(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || rune.Value == '_' || Rune.GetUnicodeCategory(rune) is
            System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.LetterNumber or System.Globalization.UnicodeCategory.OtherNumber;
}
