using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Repairs the faults real feeds commonly have before the XML parser sees them, the way feedparser's loose
/// handling gets past them, without ever processing a DTD:
/// <list type="bullet">
/// <item>The XML declaration and the DOCTYPE are blanked (line breaks kept, so positions stay right): the text is
/// decoded already, and no DTD is read. Entities a DOCTYPE declares are honoured only when "safe" (feedparser's
/// rule: a plain value without markup or references, or one character reference; at most 256 characters): no
/// entity can expand into another, so nothing grows beyond the size of the values times the references.</item>
/// <item>HTML's named entities (<c>&amp;eacute;</c>, <c>&amp;nbsp;</c>, as the Netscape RSS 0.91 DTD declares
/// them) become character references; any other unknown reference and every bare <c>&amp;</c> become literal text.</item>
/// <item>Characters XML forbids (control characters, <c>&amp;#0;</c>) become spaces.</item>
/// <item>Namespace prefixes used but never declared (<c>dc:creator</c> without <c>xmlns:dc</c>) are declared on
/// the root element: the well-known ones with their namespace, others with a placeholder.</item>
/// </list>
/// CDATA sections, comments and processing instructions are copied as they are (except forbidden characters).
/// </summary>
public static partial class FeedXmlRepair
{
    private const int MaxEntityValue = 256;

    private static readonly Dictionary<string, string> KnownPrefixes = new(StringComparer.Ordinal)
    {
        ["dc"] = FeedNamespaces.Dc, ["dcterms"] = FeedNamespaces.Dcterms, ["content"] = FeedNamespaces.Content,
        ["rdf"] = FeedNamespaces.Rdf, ["atom"] = FeedNamespaces.Atom10, ["xhtml"] = FeedNamespaces.Xhtml,
        ["media"] = "http://search.yahoo.com/mrss/", ["itunes"] = "http://www.itunes.com/dtds/podcast-1.0.dtd",
        ["slash"] = "http://purl.org/rss/1.0/modules/slash/", ["wfw"] = "http://wellformedweb.org/CommentAPI/",
        ["sy"] = "http://purl.org/rss/1.0/modules/syndication/", ["georss"] = "http://www.georss.org/georss",
    };

    /// <summary>The repaired text; <paramref name="note"/> names the references kept as literal text, if any (for the rejections).</summary>
    public static string Repair(string text, out string? note)
    {
        var sb = new StringBuilder(text.Length + 64);
        var entities = new Dictionary<string, string>(StringComparer.Ordinal);
        var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = CopyProlog(text, sb, entities);
        var rootNameEnd = RootNameEnd(text, i);
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<' && TrySkip(text, ref i, sb, "<![CDATA[", "]]>"))
                continue;
            if (c == '<' && TrySkip(text, ref i, sb, "<!--", "-->"))
                continue;
            if (c == '<' && TrySkip(text, ref i, sb, "<?", "?>"))
                continue;
            if (c == '&')
            {
                i = Reference(text, i, sb, entities, unknown);
                continue;
            }
            if (c == '<' && (i + 1 == text.Length || !(char.IsLetter(text[i + 1]) || text[i + 1] is '_' or ':' or '/' or '!' or '?')))
            {
                sb.Append("&lt;"); // "a < b" in text: not the start of a tag
                i++;
                continue;
            }
            AppendChecked(text, ref i, sb);
        }
        // the prolog and the root's name are copied one character for one, so the name ends at the same index in sb
        if (rootNameEnd > 0)
            DeclareMissingPrefixes(sb, text, rootNameEnd);
        note = unknown.Count == 0 ? null
            : $"{unknown.Values.Sum():N0} reference(s) to entities that are undeclared or declared unsafely ({string.Join(", ", unknown.Keys.Take(3).Select(k => "&" + k + ";"))}{(unknown.Count > 3 ? ", …" : "")}) kept as text: DTDs are not processed";
        return sb.ToString();
    }

    /// <summary>Copies what comes before the root element, blanking the XML declaration and the DOCTYPE; returns where the root starts.</summary>
    private static int CopyProlog(string text, StringBuilder sb, Dictionary<string, string> entities)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF')
            {
                sb.Append(text[i] == '\uFEFF' ? ' ' : text[i]);
                i++;
            }
            else if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0 || string.CompareOrdinal(text, i, "<?", 0, 2) == 0)
            {
                var close = text[i + 1] == '!' ? "-->" : "?>";
                var end = text.IndexOf(close, i, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + close.Length;
                Blank(text, i, end, sb);
                i = end;
            }
            else if (string.Compare(text, i, "<!DOCTYPE", 0, 9, StringComparison.OrdinalIgnoreCase) == 0)
            {
                var end = DoctypeEnd(text, i);
                foreach (Match m in SafeEntity().Matches(text[i..end]))
                {
                    var value = m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value;
                    if (value.Length <= MaxEntityValue)
                        entities.TryAdd(m.Groups[1].Value, value.StartsWith("&#", StringComparison.Ordinal) ? WebUtility.HtmlDecode(value) : value);
                }
                Blank(text, i, end, sb);
                i = end;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    /// <summary>The end of a DOCTYPE: its closing '&gt;', after the internal subset in brackets if it has one.</summary>
    private static int DoctypeEnd(string text, int start)
    {
        var quote = '\0';
        var inSubset = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
            }
            else if (c is '"' or '\'')
                quote = c;
            else if (c == '[')
                inSubset = true;
            else if (c == ']')
                inSubset = false;
            else if (c == '>' && !inSubset)
                return i + 1;
        }
        return text.Length;
    }

    private static void Blank(string text, int start, int end, StringBuilder sb)
    {
        for (var i = start; i < end; i++)
            sb.Append(text[i] == '\n' ? '\n' : ' ');
    }

    /// <summary>Copies a section from <paramref name="open"/> to <paramref name="close"/> unchanged (forbidden characters aside); false when <paramref name="i"/> is not at one.</summary>
    private static bool TrySkip(string text, ref int i, StringBuilder sb, string open, string close)
    {
        if (string.CompareOrdinal(text, i, open, 0, open.Length) != 0)
            return false;
        var end = text.IndexOf(close, i + open.Length, StringComparison.Ordinal);
        end = end < 0 ? text.Length : end + close.Length;
        while (i < end)
            AppendChecked(text, ref i, sb);
        return true;
    }

    /// <summary>Repairs the reference at text[i] ('&amp;'); returns the index after it.</summary>
    private static int Reference(string text, int i, StringBuilder sb, Dictionary<string, string> entities, Dictionary<string, int> unknown)
    {
        var m = Ref().Match(text, i, Math.Min(40, text.Length - i));
        if (!m.Success)
        {
            sb.Append("&amp;");
            return i + 1;
        }
        var name = m.Groups[1].Value;
        if (name[0] == '#')
        {
            var code = name[1] is 'x' or 'X'
                ? int.TryParse(name.AsSpan(2), System.Globalization.NumberStyles.HexNumber, null, out var h) ? h : -1
                : int.TryParse(name.AsSpan(1), out var d) ? d : -1;
            sb.Append(IsXmlChar(code) ? m.Value : " ");
        }
        else if (name is "amp" or "lt" or "gt" or "quot" or "apos")
            sb.Append(m.Value);
        else if (entities.TryGetValue(name, out var value))
            sb.Append(WebUtility.HtmlEncode(value));
        else if (WebUtility.HtmlDecode(m.Value) is { } decoded && decoded != m.Value && decoded.Length > 0)
            sb.Append("&#").Append(char.ConvertToUtf32(decoded, 0)).Append(';');
        else
        {
            sb.Append("&amp;").Append(m.Value, 1, m.Value.Length - 1);
            unknown[name] = unknown.GetValueOrDefault(name) + 1;
        }
        return i + m.Length;
    }

    private static bool IsXmlChar(int code) =>
        code is 0x9 or 0xA or 0xD or >= 0x20 and <= 0xD7FF or >= 0xE000 and <= 0xFFFD or >= 0x10000 and <= 0x10FFFF;

    /// <summary>Appends text[i] (a surrogate pair whole), or a space for a character XML forbids.</summary>
    private static void AppendChecked(string text, ref int i, StringBuilder sb)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            sb.Append(c).Append(text[i + 1]);
            i += 2;
            return;
        }
        sb.Append(IsXmlChar(c) && !char.IsSurrogate(c) ? c : ' ');
        i++;
    }

    /// <summary>The index after the root element's name, or 0 when the text has no element.</summary>
    private static int RootNameEnd(string text, int start)
    {
        if (start >= text.Length || text[start] != '<')
            return 0;
        var i = start + 1;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('>' or '/'))
            i++;
        return i > start + 1 ? i : 0;
    }

    private static void DeclareMissingPrefixes(StringBuilder sb, string text, int rootNameEnd)
    {
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match m in UsedPrefix().Matches(text))
            used.Add(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
        if (used.Count == 0)
            return;
        foreach (Match m in DeclaredPrefix().Matches(text))
            used.Remove(m.Groups[1].Value);
        used.Remove("xml");
        used.Remove("xmlns");
        if (used.Count == 0)
            return;
        var declarations = new StringBuilder();
        foreach (var prefix in used)
            declarations.Append(" xmlns:").Append(prefix).Append("=\"").Append(KnownPrefixes.GetValueOrDefault(prefix, "urn:x-undeclared:" + prefix)).Append('"');
        sb.Insert(rootNameEnd, declarations.ToString());
    }

    [GeneratedRegex("""<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"(&#\w+;|[^&%<"]*)"|'(&#\w+;|[^&%<']*)')\s*>""")]
    private static partial Regex SafeEntity();

    [GeneratedRegex(@"\G&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z_:][A-Za-z0-9._:-]{0,31});")]
    private static partial Regex Ref();

    /// <summary>A prefix on an element name, or on an attribute name.</summary>
    [GeneratedRegex(@"<([A-Za-z_][\w.-]*):[A-Za-z_]|\s([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\s*=\s*[""']")]
    private static partial Regex UsedPrefix();

    [GeneratedRegex(@"xmlns:([A-Za-z_][\w.-]*)\s*=")]
    private static partial Regex DeclaredPrefix();
}
