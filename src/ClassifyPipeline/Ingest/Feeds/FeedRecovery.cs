using System.Text.RegularExpressions;
using System.Xml;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Reads a feed that is not well-formed one item at a time: each item (<c>&lt;item&gt;</c>, or <c>&lt;entry&gt;</c>
/// in Atom) is parsed on its own behind the feed's header, closed by the end tags the header left open, so one
/// broken or truncated item costs only itself. The caller maps each recovered item.
/// </summary>
public static partial class FeedRecovery
{
    /// <summary>One item as recovered: its element in a one-item document, or why it could not be read.</summary>
    public sealed record Item(int Number, string Location, FeedDocument? Feed, string? Problem);

    /// <summary>The items of <paramref name="text"/> (repaired already), or a problem when the text has no feed or no items to recover.</summary>
    public static (IReadOnlyList<Item> Items, string? Problem) Read(string text, int maxItemChars, CancellationToken cancellationToken)
    {
        var root = RootElement().Match(text);
        if (!root.Success)
            return ([], "no <rss>, <rdf:RDF> or Atom <feed> element to recover items from");
        var tag = root.Groups[1].Value == "feed" ? "entry" : "item";
        var chunks = FeedItemChunks.Find(text, tag);
        if (chunks.Count == 0)
            return ([], "no items found");

        var prefix = text[..chunks[0].Start];
        var closing = Closing(prefix);
        var prefixLines = prefix.AsSpan().Count('\n');
        var items = new List<Item>(chunks.Count);
        var (line, countedTo) = (1, 0);
        for (var i = 0; i < chunks.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = chunks[i];
            line += text.AsSpan(countedTo, chunk.Start - countedTo).Count('\n');
            countedTo = chunk.Start;
            var location = $"item {i + 1} (line {line})";
            if (chunk.Length > maxItemChars)
            {
                items.Add(new Item(i + 1, location, null, $"item of {chunk.Length:N0} characters is over ingest.maxItemChars ({maxItemChars:N0})"));
                continue;
            }
            try
            {
                var feed = FeedDocument.Of(FeedXml.Load(prefix + text.Substring(chunk.Start, chunk.Length) + closing), out var notAFeed);
                items.Add(feed is { Items.Count: 1 }
                    ? new Item(i + 1, location, feed, null)
                    : new Item(i + 1, location, null, notAFeed ?? "the item could not be read on its own"));
            }
            catch (XmlException e)
            {
                var at = e.LineNumber > 0 ? $" at line {e.LineNumber - prefixLines - 1 + line}" : "";
                var truncated = chunk.Complete ? "" : " (no end tag: truncated or unclosed)";
                items.Add(new Item(i + 1, location, null, $"malformed item{truncated}{at}: {Describe(e)}"));
            }
        }
        return (items, null);
    }

    /// <summary>The innermost XML error's message without the position (the caller says where).</summary>
    public static string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is XmlException deeper)
            inner = deeper;
        return Position().Replace(inner.Message, "").Trim();
    }

    /// <summary>The end tags that close the elements <paramref name="prefix"/> leaves open, innermost first.</summary>
    internal static string Closing(string prefix)
    {
        var open = new List<string>();
        var i = prefix.IndexOf('<');
        while (i >= 0 && i < prefix.Length)
        {
            int end;
            if (string.CompareOrdinal(prefix, i, "<!--", 0, 4) == 0)
                end = After(prefix, i, "-->");
            else if (string.CompareOrdinal(prefix, i, "<![CDATA[", 0, 9) == 0)
                end = After(prefix, i, "]]>");
            else if (i + 1 < prefix.Length && prefix[i + 1] is '!' or '?')
                end = After(prefix, i, ">");
            else
            {
                end = TagEnd(prefix, i);
                var closingTag = i + 1 < prefix.Length && prefix[i + 1] == '/';
                var name = TagName().Match(prefix, closingTag ? i + 2 : i + 1);
                if (name.Success && name.Index == (closingTag ? i + 2 : i + 1))
                {
                    if (closingTag)
                    {
                        var at = open.LastIndexOf(name.Value);
                        if (at >= 0)
                            open.RemoveRange(at, open.Count - at);
                    }
                    else if (end <= prefix.Length && prefix[end - 2] != '/')
                        open.Add(name.Value);
                }
            }
            i = end >= prefix.Length ? -1 : prefix.IndexOf('<', end);
        }
        open.Reverse();
        return string.Concat(open.Select(n => $"</{n}>"));
    }

    private static int After(string text, int start, string close)
    {
        var end = text.IndexOf(close, start, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + close.Length;
    }

    /// <summary>The index after a start or end tag's '&gt;', quotes in attribute values respected.</summary>
    private static int TagEnd(string text, int start)
    {
        var quote = '\0';
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
            }
            else if (c is '"' or '\'')
                quote = c;
            else if (c == '>')
                return i + 1;
        }
        return text.Length;
    }

    [GeneratedRegex("""\s*Line \d+, position \d+\.?""")]
    private static partial Regex Position();

    [GeneratedRegex("""<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF|channel)[\s>]""")]
    private static partial Regex RootElement();

    [GeneratedRegex(@"[A-Za-z_][\w.:-]*")]
    private static partial Regex TagName();
}
