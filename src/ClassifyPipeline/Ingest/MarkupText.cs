using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Turns an HTML fragment (a feed item's content or summary, a title with markup) into plain text:
/// tags removed, entities decoded, script/style content dropped, one paragraph per line.
/// Parsing is AngleSharp's HTML5 parser with no scripting and no resource loading, so nothing runs or is fetched.
/// </summary>
public sealed class MarkupText
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head", "title",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote",
        "pre", "section", "article", "header", "footer", "figure", "figcaption", "hr", "dd", "dt", "aside",
    };

    private readonly HtmlParser _parser = new();

    /// <summary>The text of <paramref name="html"/>, paragraphs on their own lines, white space collapsed within lines.</summary>
    public string ToText(string? html)
    {
        if (string.IsNullOrEmpty(html))
            return string.Empty;
        if (html.IndexOf('<') < 0 && html.IndexOf('&') < 0)
            return Collapse(html);
        var document = _parser.ParseDocument(html);
        var sb = new StringBuilder(html.Length);
        if (document.Body is { } body)
            Append(body, sb);
        return Collapse(sb.ToString());
    }

    /// <summary>The text of <paramref name="html"/> on one line (for titles).</summary>
    public string ToLine(string? html) => ToText(html).Replace('\n', ' ');

    private static void Append(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    sb.Append(text.Data);
                    break;
                case IElement element when Dropped.Contains(element.LocalName):
                    break;
                case IElement element:
                    var block = Blocks.Contains(element.LocalName);
                    if (block)
                        sb.Append('\n');
                    Append(element, sb);
                    if (block)
                        sb.Append('\n');
                    break;
            }
        }
    }

    private static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text.Split('\n'))
        {
            var line = string.Join(' ', raw.Split([' ', '\t', '\r', '\u00A0', '\f', '\v'], StringSplitOptions.RemoveEmptyEntries));
            if (line.Length == 0)
                continue;
            if (sb.Length > 0)
                sb.Append('\n');
            sb.Append(line);
        }
        return sb.ToString();
    }
}
