using System.Text;
using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Text;

/// <summary>
/// The Clean stage: normalizes Unicode and whitespace, drops site chrome and publisher footers,
/// and picks the headline when the input has none marked (everything above a picked headline is
/// page chrome and is dropped with it).
/// </summary>
public sealed class ArticleCleaner
{
    private readonly CleanOptions _options;
    private readonly Boilerplate _boilerplate;
    private readonly TitlePicker _titlePicker;
    private readonly TimeProvider _time;

    /// <param name="time">The clock that dates found in the text are checked against (none may lie after it); the system clock when null.</param>
    public ArticleCleaner(CleanOptions options, TimeProvider? time = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        _boilerplate = new Boilerplate(options.BoilerplatePatterns, options.FooterPatterns);
        _titlePicker = new TitlePicker(options.TitleSearchLines, options.TitleMaxWords);
    }

    public CleanArticle Clean(Article article)
    {
        var lines = Lines(Normalize(article.Body));
        if (article.Title is { } marked)
        {
            var title = NormalizeLine(Normalize(marked));
            var body = lines.Where(l => !_boilerplate.IsChrome(l) && l != title).ToList();
            return new CleanArticle(article, title, string.Join('\n', body), TitlePicked: false);
        }

        var content = lines.Where(l => !_boilerplate.IsChrome(l)).ToList();
        var index = _titlePicker.Pick(content);
        if (index < 0)
            return new CleanArticle(article, FallbackTitle(content), string.Join('\n', content), TitlePicked: true);
        var picked = content[index];
        var rest = content.Skip(index + 1).Where(l => l != picked);
        return new CleanArticle(article, picked, string.Join('\n', rest), TitlePicked: true);
    }

    private List<string> Lines(string text)
    {
        var result = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = NormalizeLine(raw);
            if (line.Length == 0)
                continue;
            if (_boilerplate.StartsFooter(line))
                break;
            result.Add(line);
        }
        return result;
    }

    private string Normalize(string text) => _options.Normalization switch
    {
        UnicodeNormalization.Nfc => text.Normalize(NormalizationForm.FormC),
        UnicodeNormalization.Nfkc => text.Normalize(NormalizationForm.FormKC),
        _ => text,
    };

    /// <summary>Collapses white space (including no-break spaces) and drops control characters.</summary>
    internal static string NormalizeLine(string line)
    {
        var sb = new StringBuilder(line.Length);
        var pendingSpace = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (char.IsControl(c) || c is '\u200B' or '\uFEFF')
                continue;
            if (pendingSpace)
                sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string FallbackTitle(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
            return string.Empty;
        var words = lines[0].Split(' ');
        return words.Length <= 12 ? lines[0] : string.Join(' ', words.Take(12)) + "…";
    }
}
