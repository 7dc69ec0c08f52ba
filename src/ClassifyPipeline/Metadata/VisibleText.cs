using System.Text;
using AngleSharp.Dom;

namespace ClassifyPipeline.Metadata;

/// <summary>The text a reader sees in an element: scripts, styles, templates and hidden parts left out, blocks on their own lines.</summary>
public static class VisibleText
{
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "math", "head", "title", "iframe", "object", "embed", "select", "option",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "blockquote", "pre",
        "section", "article", "header", "footer", "figure", "figcaption", "hr", "dd", "dt", "dl", "aside", "nav", "main", "time",
    };

    /// <param name="skip">Elements to leave out with everything inside them.</param>
    public static string Of(IElement? root, int maxLength = int.MaxValue, Func<IElement, bool>? skip = null)
    {
        if (root is null)
            return "";
        var sb = new StringBuilder();
        Append(root, sb, maxLength, skip);
        return sb.ToString();
    }

    private static void Append(INode node, StringBuilder sb, int maxLength, Func<IElement, bool>? skip)
    {
        foreach (var child in node.ChildNodes)
        {
            if (sb.Length >= maxLength)
                return;
            switch (child)
            {
                case IText text:
                    sb.Append(text.Data);
                    break;
                case IElement element when Hidden.Contains(element.LocalName) || element.HasAttribute("hidden") || skip?.Invoke(element) == true:
                    break;
                case IElement element:
                    Append(element, sb, maxLength, skip);
                    if (Blocks.Contains(element.LocalName))
                        sb.Append('\n');
                    break;
            }
        }
    }
}
