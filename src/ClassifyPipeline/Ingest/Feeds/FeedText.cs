using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ClassifyPipeline.Ingest;

/// <summary>An element's content as markup or as plain text, before it becomes text.</summary>
/// <param name="Raw">The HTML (when <paramref name="IsHtml"/>) or the plain text.</param>
public readonly record struct FeedContent(string Raw, bool IsHtml);

/// <summary>
/// Reads what feed elements hold, in each form feeds write it:
/// <list type="bullet">
/// <item>RSS elements (<c>title</c>, <c>description</c>, <c>content:encoded</c>): HTML, escaped or in CDATA; or
/// inline XHTML child elements (<c>xhtml:body</c>, a <c>description</c> holding <c>&lt;p&gt;</c> elements).</item>
/// <item>Atom text constructs (<c>title</c>, <c>summary</c>, <c>content</c>): Atom 1.0 <c>type</c> text, html or
/// xhtml; Atom 0.3 MIME types with <c>mode</c> xml, escaped or base64. Out-of-line content (<c>src</c>) and
/// non-text media types have no text here.</item>
/// </list>
/// Markup becomes text through <see cref="MarkupText"/> (scripts dropped, entities decoded); plain text is only
/// white-space collapsed, so a plain-text "&lt;b&gt;" stays as written.
/// </summary>
public sealed partial class FeedText
{
    private readonly MarkupText _markup = new();

    /// <summary>
    /// An RSS element's content: its text (escaped HTML or CDATA) or, when it holds elements, those elements as
    /// markup; plain text when the element says so (RSS 0.94's <c>type="text/plain"</c>).
    /// </summary>
    public static FeedContent Rss(XElement element)
    {
        if (element.HasElements)
            return new FeedContent(InnerXml(element), IsHtml: true);
        var type = ((string?)element.Attribute("type"))?.Trim().ToLowerInvariant();
        return new FeedContent(element.Value, IsHtml: type is not ("text" or "text/plain"));
    }

    /// <summary>An Atom (1.0 or 0.3) text construct's content; null when it is out of line or not text.</summary>
    public static FeedContent? Atom(XElement element)
    {
        var type = ((string?)element.Attribute("type") ?? "").Trim().ToLowerInvariant();
        var mode = ((string?)element.Attribute("mode") ?? "").Trim().ToLowerInvariant();
        if (element.Attribute("src") is not null && !element.HasElements && string.IsNullOrWhiteSpace(element.Value))
            return null;
        var html = type is "html" or "text/html";
        var xml = type is "xhtml" or "application/xhtml+xml" || type.EndsWith("+xml", StringComparison.Ordinal) || type.EndsWith("/xml", StringComparison.Ordinal);
        var plain = type is "" or "text" or "text/plain" || type.StartsWith("text/", StringComparison.Ordinal) && !html;
        if (!html && !xml && !plain)
            return null;
        return mode switch
        {
            "base64" => Base64(element.Value) is { } decoded ? new FeedContent(decoded, !plain) : null,
            "escaped" => new FeedContent(element.Value, !plain),
            _ when element.HasElements => new FeedContent(InnerXml(element), IsHtml: true),
            _ => new FeedContent(element.Value, html),
        };
    }

    /// <summary>
    /// Markup nested deeper than this (open tags not closed, approximately) is not given to the HTML parser, whose
    /// tree building slows quadratically with depth (300,000 nested divs take minutes): its tags are stripped instead.
    /// </summary>
    public const int MaxMarkupDepth = 1000;

    /// <summary>The content as text, one paragraph a line.</summary>
    public string ToText(FeedContent content)
    {
        if (!content.IsHtml)
            return _markup.ToText(Escape(content.Raw));
        return Depth(content.Raw) > MaxMarkupDepth ? Stripped(content.Raw) : _markup.ToText(content.Raw);
    }

    /// <summary>The content as one line (titles, names).</summary>
    public string ToLine(FeedContent content) => ToText(content).Replace('\n', ' ');

    /// <summary>The deepest nesting of elements the markup opens, counting elements HTML closes on its own (p, li, td, void elements) as closed.</summary>
    internal static int Depth(string html)
    {
        int depth = 0, max = 0;
        foreach (Match tag in Tag().Matches(html))
        {
            if (SelfClosing.Contains(tag.Groups[2].Value) || tag.Value.EndsWith("/>", StringComparison.Ordinal))
                continue;
            depth = tag.Groups[1].Value.Length == 0 ? depth + 1 : Math.Max(0, depth - 1);
            max = Math.Max(max, depth);
        }
        return max;
    }

    private static readonly HashSet<string> SelfClosing = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "param", "source", "track", "wbr",
        "p", "li", "dd", "dt", "option", "tr", "td", "th",
    };

    /// <summary>Text of pathological markup without parsing it: block tags become line breaks, other tags go, entities are decoded.</summary>
    private string Stripped(string html)
    {
        var text = Tag().Replace(html, m => Blocks().IsMatch(m.Groups[2].Value) ? "\n" : " ");
        return _markup.ToText(Escape(System.Net.WebUtility.HtmlDecode(text)));
    }

    [GeneratedRegex(@"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("^(?i:p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote|pre|section|article|header|footer|figure|hr)$")]
    private static partial Regex Blocks();

    /// <summary>Plain text as HTML that reads the same: only '&amp;' and '&lt;' need escaping.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private static string? Base64(string text)
    {
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var bytes = new byte[compact.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(compact, bytes, out var length))
            return null;
        var span = bytes.AsSpan(0, length);
        return System.Text.Unicode.Utf8.IsValid(span) ? Encoding.UTF8.GetString(span) : Encoding.Latin1.GetString(span);
    }

    /// <summary>
    /// The element's children as HTML: elements by their local name (an <c>xhtml:p</c> is a <c>p</c>), attributes
    /// left out (only the text matters), text escaped. Recursion is bounded by <see cref="FeedXml.MaxDepth"/>.
    /// </summary>
    private static string InnerXml(XElement element)
    {
        var sb = new StringBuilder();
        foreach (var node in element.Nodes())
            Write(node, sb);
        return sb.ToString();
    }

    private static void Write(XNode node, StringBuilder sb)
    {
        switch (node)
        {
            case XText text:
                sb.Append(Escape(text.Value));
                break;
            case XElement element:
                sb.Append('<').Append(element.Name.LocalName).Append('>');
                foreach (var child in element.Nodes())
                    Write(child, sb);
                sb.Append("</").Append(element.Name.LocalName).Append('>');
                break;
        }
    }
}
