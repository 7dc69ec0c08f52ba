using System.Text;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Metadata;

namespace ClassifyPipeline.Text;

/// <summary>
/// The Clean stage. First it reads what the text says about the article (<see cref="TextMetadataReader"/>: datelines,
/// bylines, "Published on …" lines, wire credits) into the fields the input left empty, and drops those metadata
/// lines; then it normalizes Unicode (NFC by default: no letter is rewritten) and white space, drops chrome
/// (<see cref="Boilerplate"/>: interface chrome anywhere, page furniture at the edges only) and publisher footers,
/// and picks the headline when the input has none marked (everything above a picked headline is page chrome and is
/// dropped with it). The cleaned article carries the completed <see cref="Article"/>.
/// </summary>
public sealed class ArticleCleaner
{
    /// <summary>
    /// A line of at least this many words that ends a sentence is article text (a headline does not end with a period):
    /// page furniture stands before the first such line or after the last.
    /// </summary>
    private const int ParagraphWords = 10;

    /// <summary>A line of at least this many words is article text however it ends.</summary>
    private const int LongParagraphWords = 25;

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
        var metadata = new TextMetadataReader(_time.GetUtcNow()).Read(lines, article.Lang, article.Url);
        article = metadata.Complete(article);
        if (metadata.MetadataLines.Count > 0)
            lines = lines.Where((_, i) => !metadata.MetadataLines.Contains(i)).ToList();
        var content = WithoutChrome(lines);

        if (article.Title is { } marked)
        {
            var title = NormalizeLine(Normalize(marked));
            var body = content.Where(l => l != title).ToList();
            return new CleanArticle(article, title, string.Join('\n', body), TitlePicked: false);
        }

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

    /// <summary>The lines without interface chrome, and without page furniture before the first paragraph or after the last.</summary>
    private List<string> WithoutChrome(List<string> lines)
    {
        var first = lines.FindIndex(IsParagraph);
        var last = lines.FindLastIndex(IsParagraph);
        var kept = new List<string>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var edge = first < 0 || i < first || i > last;
            if (edge ? !_boilerplate.IsEdgeChrome(lines[i]) : !_boilerplate.IsChrome(lines[i]))
                kept.Add(lines[i]);
        }
        return kept;
    }

    private static bool IsParagraph(string line)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in line)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
                words++;
            inWord = letter;
        }
        if (words >= LongParagraphWords)
            return true;
        var end = line.TrimEnd('"', '\'', '”', '’', '»', ')', ' ');
        return words >= ParagraphWords && end.Length > 0 && end[^1] is '.' or '!' or '?' or '…' or ':' or '。';
    }

    private string Normalize(string text)
    {
        text = LoneSurrogates.Replace(text);
        return _options.Normalization switch
        {
            UnicodeNormalization.Nfc => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC),
            UnicodeNormalization.Nfkc => text.Normalize(NormalizationForm.FormKC),
            _ => text,
        };
    }

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
