namespace ClassifyPipeline.Ingest;

/// <summary>
/// Finds the item elements (<c>&lt;item&gt;</c> or <c>&lt;entry&gt;</c>) of a feed by scanning its text, for
/// reading a feed that is not well-formed item by item. An item runs from its start tag to its end tag,
/// or, when the end tag is missing, to the next item's start tag or the end of the text.
/// </summary>
public static class FeedItemChunks
{
    public static IReadOnlyList<FeedItemChunk> Find(string text, string tag)
    {
        var chunks = new List<FeedItemChunk>();
        var close = "</" + tag + ">";
        var start = NextStart(text, tag, 0);
        while (start >= 0)
        {
            var next = NextStart(text, tag, start + tag.Length + 1);
            // Look for the end tag only up to the next item, so a feed of unclosed items stays linear.
            var end = text.IndexOf(close, start, (next < 0 ? text.Length : next) - start, StringComparison.Ordinal);
            if (end >= 0)
            {
                chunks.Add(new FeedItemChunk(start, end + close.Length - start, Complete: true));
                next = NextStart(text, tag, end + close.Length);
            }
            else
            {
                chunks.Add(new FeedItemChunk(start, (next < 0 ? text.Length : next) - start, Complete: false));
            }
            start = next;
        }
        return chunks;
    }

    private static int NextStart(string text, string tag, int from)
    {
        var open = "<" + tag;
        while (from < text.Length)
        {
            var i = text.IndexOf(open, from, StringComparison.Ordinal);
            if (i < 0)
                return -1;
            var after = i + open.Length;
            if (after < text.Length && (text[after] == '>' || text[after] == '/' || char.IsWhiteSpace(text[after])))
                return i;
            from = after;
        }
        return -1;
    }
}

/// <summary>Where one item's text is; <see cref="Complete"/> is false when its end tag was not found.</summary>
public readonly record struct FeedItemChunk(int Start, int Length, bool Complete);
