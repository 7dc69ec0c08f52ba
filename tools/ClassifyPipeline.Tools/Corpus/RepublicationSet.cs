using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Tools.Corpus;

/// <summary>
/// A labeled re-publication set built from real articles: originals, 1–3 syndicated copies of each
/// (<see cref="SyndicationEditor"/>, published later), same-story follow-ups that reuse an original's lead
/// paragraph among other text on the topic (hard negatives: related, not re-published), and unrelated articles.
/// </summary>
/// <param name="Articles">The articles, in no particular order.</param>
/// <param name="Duplicates">The gold (copy id, original id) pairs; every other pair is not a re-publication.</param>
public sealed record RepublicationSet(IReadOnlyList<Article> Articles, IReadOnlyList<(string Copy, string Original)> Duplicates)
{
    /// <summary>
    /// Builds the set from <paramref name="sources"/> (e.g. BBC training articles; exact-duplicate texts are
    /// kept once). <paramref name="originals"/> of them get copies and <paramref name="originals"/>/2 a follow-up;
    /// up to as many again are added unchanged as unrelated articles.
    /// </summary>
    public static RepublicationSet Build(IReadOnlyList<Article> sources, int originals, int seed)
    {
        var random = new Random(seed);
        // one article per normalized title and per normalized lead paragraph: the BBC set holds copies and
        // lightly updated versions of some articles, which would otherwise be unlabeled re-publications
        var titles = new HashSet<string>(StringComparer.Ordinal);
        var leads = new HashSet<string>(StringComparer.Ordinal);
        var distinct = new List<Article>();
        foreach (var a in sources.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var title = Normalized(a.Title ?? "");
            var lead = Normalized(Paragraphs(a.Body).FirstOrDefault() ?? "");
            if ((title.Length > 0 && !titles.Add(title)) | !leads.Add(lead))
                continue;
            distinct.Add(a);
        }
        Shuffle(distinct, random);
        originals = Math.Min(originals, distinct.Count / 3);

        var epoch = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var editor = new SyndicationEditor(random);
        var articles = new List<Article>();
        var duplicates = new List<(string, string)>();
        for (var i = 0; i < originals; i++)
        {
            var source = distinct[i];
            var published = epoch.AddHours(i);
            var original = source with { Published = published };
            articles.Add(original);
            var copies = 1 + random.Next(3);
            for (var c = 0; c < copies; c++)
            {
                var copy = editor.Edit(source, $"{source.Id}-copy{c + 1}", published.AddMinutes(10 + random.Next(600)));
                articles.Add(copy);
                duplicates.Add((copy.Id, original.Id));
            }
        }
        // follow-ups: the original's lead paragraph, then two paragraphs from each of three articles not used elsewhere
        var spare = distinct.Count - 1;
        for (var i = 0; i < originals / 2 && spare - 3 >= 2 * originals; i++)
        {
            var source = distinct[i];
            var parts = new List<string> { Paragraphs(source.Body)[0] };
            for (var k = 0; k < 3; k++)
                parts.AddRange(Paragraphs(distinct[spare--].Body).Skip(1).Take(2));
            articles.Add(new Article($"{source.Id}-followup", "follow-up", null, source.Title, string.Join("\n\n", parts), epoch.AddHours(i).AddDays(1)));
        }
        for (var i = originals; i < Math.Min(spare + 1, 2 * originals); i++)
            articles.Add(distinct[i] with { Published = epoch.AddHours(random.Next(24 * 30)) });
        return new RepublicationSet(articles, duplicates);
    }

    private static string[] Paragraphs(string body) => body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // texts equal up to case, spacing and punctuation are one article (the BBC set holds such near-exact copies)
    private static string Normalized(string body)
    {
        var sb = new System.Text.StringBuilder(body.Length);
        foreach (var c in body)
        {
            if (char.IsLetterOrDigit(c))
                sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static void Shuffle<T>(List<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
