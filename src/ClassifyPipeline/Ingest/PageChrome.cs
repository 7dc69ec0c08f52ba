using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Removes from a parsed page what is never article text, before the text extractor scores it: captions
/// (<c>figcaption</c>, "caption" classes), galleries and slideshows, related-story and "more in news" teasers,
/// most-read lists, hover cards and tooltips, share bars, newsletter and promo boxes, ad and sponsor slots, and
/// recommendation widgets. Elements are recognized by their tag or by a word of their class (not their id, which is often a heading's slug); one that holds a
/// large part of the page's text is never removed (a "related" class on the article's own container would otherwise
/// take the article with it).
/// </summary>
public static partial class PageChrome
{
    /// <summary>An element holding more than this share of the page's text is kept whatever its class says.</summary>
    private const double LargestShare = 0.3;

    public static void Remove(IDocument document)
    {
        if (document.Body is not { } body)
            return;
        var pageText = Math.Max(1, body.TextContent.Length);
        var doomed = new List<IElement>();
        foreach (var e in body.QuerySelectorAll("*"))
        {
            if (e.LocalName is "html" or "body" or "main" or "article")
                continue;
            var chrome = e.LocalName == "figcaption";
            if (!chrome)
            {
                // the class only: ids are often slugs of headings ("sharing-with-a-developer", "related-work")
                chrome = e.GetAttribute("class") is { Length: > 1 } marks && Marks().IsMatch(marks);
            }
            if (chrome && e.TextContent.Length <= LargestShare * pageText && !doomed.Any(d => d.Contains(e)))
                doomed.Add(e);
        }
        foreach (var e in doomed)
            e.Remove();
    }

    [GeneratedRegex(@"(?:^|[\s_\-])(?:caption|captions|wp-caption-text|gallery|slideshow|carousel|related|recirc\w*|more-in|more-from|most-read|most-popular|mostread|mostpopular|trending|hover-?card|tooltip|popover|newsletter|promo|outbrain|taboola|share|sharing|social|sponsor\w*|advert\w*|ad|ads|recommend\w*)(?:$|[\s_\-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marks();
}
