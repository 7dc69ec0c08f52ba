using System.Text.RegularExpressions;

namespace ClassifyPipeline.Text;

/// <summary>
/// Picks the headline of an article whose title is not marked, from its leading lines.
/// A headline is short, is not a sentence, a dateline, a section label or chrome, and its words
/// come back in the text below it; a line that a breadcrumb repeats is very likely the headline.
/// </summary>
public sealed partial class TitlePicker
{
    /// <summary>A line longer than this is article text, not a headline or page chrome.</summary>
    private const int ArticleTextWords = 30;

    private readonly int _searchLines;
    private readonly int _maxWords;

    public TitlePicker(int searchLines, int maxWords)
    {
        _searchLines = searchLines;
        _maxWords = maxWords;
    }

    /// <summary>The index in <paramref name="lines"/> of the headline, or -1 when no line qualifies.</summary>
    public int Pick(IReadOnlyList<string> lines)
    {
        var limit = Math.Min(lines.Count, _searchLines);
        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < limit; i++)
        {
            var score = Score(lines, i);
            if (score > bestScore)
            {
                bestScore = score;
                best = i;
            }
            if (WordCount(lines[i]) > ArticleTextWords)
                break; // the article text has begun: a headline comes before it, and no line of the text is dropped
        }
        return bestScore > 0 ? best : -1;
    }

    private double Score(IReadOnlyList<string> lines, int index)
    {
        var line = lines[index];
        var words = WordCount(line);
        if (words < 3 || words > _maxWords || DatelinePattern().IsMatch(line))
            return double.NegativeInfinity;

        var contentWords = ContentWords(line);
        if (contentWords.Count == 0)
            return double.NegativeInfinity;
        var following = FollowingText(lines, index);
        var echoed = contentWords.Count(w => following.Contains(w));
        var score = (double)echoed / contentWords.Count;

        if (line.EndsWith('.') && !line.EndsWith("..."))
            score -= 0.35;
        if (line.Any(char.IsLetter) && !line.Any(char.IsLower))
            score -= 0.6;
        if (IsRepeatedLater(lines, index))
            score += 0.3;
        return score - 0.02 * index;
    }

    private static bool IsRepeatedLater(IReadOnlyList<string> lines, int index)
    {
        var line = lines[index];
        for (var j = 0; j < lines.Count && j < index + 3; j++)
        {
            if (j != index && lines[j].Length > line.Length && lines[j].EndsWith(line, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static HashSet<string> FollowingText(IReadOnlyList<string> lines, int index)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var taken = 0;
        for (var j = index + 1; j < lines.Count && taken < 4000; j++)
        {
            foreach (var w in ContentWords(lines[j]))
                set.Add(w);
            taken += lines[j].Length;
        }
        return set;
    }

    private static List<string> ContentWords(string line) =>
        WordPattern().Matches(line).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length > 2 && !StopWords.English.Contains(w)).ToList();

    private static int WordCount(string line) => WordPattern().Count(line);

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^(\p{L}+[ ,]+)*\d{1,2}[./]\d{1,2}[./]\d{2,4}|^\p{L}+ \d{1,2}, \d{4}\s*\||\b\d{1,2}:\d{2}\b.*\b(time|am|pm|gmt|utc)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DatelinePattern();
}
