using System.Text;
using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Tools.Corpus;

/// <summary>
/// Edits an article the way syndication does: a header or footer of site boilerplate, a paragraph dropped,
/// two paragraphs swapped, light word edits, truncation. Deterministic for a given <see cref="Random"/> seed.
/// </summary>
public sealed class SyndicationEditor(Random random)
{
    private static readonly string[] Outlets = ["Daily Courier", "Metro Wire", "The Ledger", "Newsline Network", "Evening Post", "Global Desk"];

    private static readonly string[] Headers =
    [
        "This story was first published by {0}.",
        "By {0} staff and wire services",
        "Republished with permission from {0}.",
        "{0} | Latest news | Updated",
    ];

    private static readonly string[] Footers =
    [
        "© {0}. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "Follow {0} on Twitter and Facebook for the latest news. Sign up for our newsletter.",
        "Additional reporting by {0}. Click here to read more stories like this.",
        "Copyright {0}. Share this article: Email Twitter Facebook WhatsApp",
    ];

    private static readonly string[] Fillers = ["reportedly", "also", "now", "meanwhile", "however", "still"];

    /// <summary>An edited copy of <paramref name="source"/> with a new id and publication time.</summary>
    public Article Edit(Article source, string id, DateTimeOffset published)
    {
        var paragraphs = source.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var outlet = Outlets[random.Next(Outlets.Length)];

        if (paragraphs.Count >= 4 && random.NextDouble() < 0.3)
            paragraphs.RemoveAt(1 + random.Next(paragraphs.Count - 1));
        if (paragraphs.Count >= 3 && random.NextDouble() < 0.3)
        {
            var k = 1 + random.Next(paragraphs.Count - 2);
            (paragraphs[k], paragraphs[k + 1]) = (paragraphs[k + 1], paragraphs[k]);
        }
        if (paragraphs.Count >= 4 && random.NextDouble() < 0.3)
        {
            var keep = Math.Max(2, (int)Math.Ceiling(paragraphs.Count * (0.6 + 0.3 * random.NextDouble())));
            paragraphs.RemoveRange(keep, paragraphs.Count - keep);
        }
        if (random.NextDouble() < 0.5)
        {
            for (var p = 0; p < paragraphs.Count; p++)
                paragraphs[p] = EditWords(paragraphs[p]);
        }
        if (random.NextDouble() < 0.5)
            paragraphs.Insert(0, string.Format(System.Globalization.CultureInfo.InvariantCulture, Headers[random.Next(Headers.Length)], outlet));
        if (random.NextDouble() < 0.5)
            paragraphs.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, Footers[random.Next(Footers.Length)], outlet));

        var title = source.Title is { } t && random.NextDouble() < 0.2 ? "UPDATE: " + t : source.Title;
        return new Article(id, outlet, null, title, string.Join("\n\n", paragraphs), published);
    }

    // about 2% of words deleted and 1% gain a filler word before them
    private string EditWords(string paragraph)
    {
        var words = paragraph.Split(' ');
        var sb = new StringBuilder(paragraph.Length + 16);
        foreach (var w in words)
        {
            var r = random.NextDouble();
            if (r < 0.02)
                continue;
            if (sb.Length > 0)
                sb.Append(' ');
            if (r < 0.03)
                sb.Append(Fillers[random.Next(Fillers.Length)]).Append(' ');
            sb.Append(w);
        }
        return sb.ToString();
    }
}
