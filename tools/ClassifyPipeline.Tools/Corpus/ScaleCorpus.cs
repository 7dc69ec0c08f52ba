using System.Text;
using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Tools.Corpus;

/// <summary>One generated article with its known story and, for a re-publication, the article it copies.</summary>
public sealed record GeneratedArticle(Article Article, string Story, string? DuplicateOf);

/// <summary>
/// Generates large corpora from real sentences with known stories and duplicates, deterministically for a seed
/// and streamed (memory does not grow with the size). Each story has a pool of sentences drawn from two real
/// articles; a story article takes most of its sentences from its story's pool and the rest from anywhere, so
/// articles of one story share vocabulary the way different outlets' reports do. About one article in ten is a
/// syndicated copy (<see cref="SyndicationEditor"/>) of a recent article. Articles are 30 s apart, or spread
/// evenly over a given number of days (whole seconds, from 2024-01-01 UTC): 1M articles over 60 days is about
/// 16,700 a day, so a seven-day window holds about 117,000. Only the times change with the spread: the same seed
/// gives the same articles, stories and duplicates in the same order.
/// Source articles are used in a seeded cyclic order, each source once per cycle (as the first source of one
/// story, or the second of another), so two stories built from the same source text are about half the number of
/// sources in stories apart (with the development sets, about 24,000 articles or eight days: beyond the default
/// seven-day dedup window at 30 s apart; a denser spread puts several cycles in one window). Larger corpora reuse
/// their source texts, unlike real news: stories of different cycles that share a source text are more alike
/// than different real stories are.
/// </summary>
public sealed class ScaleCorpus
{
    private readonly IReadOnlyList<string[]> _articles;
    private readonly string[] _allSentences;

    /// <param name="sources">Real article bodies; they are split into sentences.</param>
    public ScaleCorpus(IEnumerable<string> sources)
    {
        var articles = new List<string[]>();
        foreach (var body in sources)
        {
            var sentences = Sentences(body);
            if (sentences.Count >= 3)
                articles.Add([.. sentences]);
        }
        if (articles.Count < 10)
            throw new ArgumentException("need at least 10 source articles of three sentences or more", nameof(sources));
        _articles = articles;
        _allSentences = articles.SelectMany(a => a).ToArray();
    }

    /// <param name="count">How many articles.</param>
    /// <param name="seed">The random seed: the same seed and sources give the same corpus.</param>
    /// <param name="days">Spread the articles evenly over this many days; null: 30 s apart.</param>
    public IEnumerable<GeneratedArticle> Generate(int count, int seed, double? days = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (days is { } d && !(d > 0 && d <= 36500))
            throw new ArgumentOutOfRangeException(nameof(days), days, "the spread must be more than 0 and at most 36,500 days");
        return GenerateCore(count, seed, days);
    }

    private IEnumerable<GeneratedArticle> GenerateCore(int count, int seed, double? days)
    {
        var random = new Random(seed);
        var editor = new SyndicationEditor(new Random(seed + 1));
        var epoch = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var recent = new GeneratedArticle[1024];
        var recentCount = 0;
        var stories = new List<string[]>();
        // an even number of sources in a seeded order; cycle c pairs position 2k with position 2k + 1 + 2c
        var order = Enumerable.Range(0, _articles.Count & ~1).ToArray();
        new Random(seed + 2).Shuffle(order);
        var perCycle = order.Length / 2;
        for (var k = 0; k < count; k++)
        {
            var id = "g" + k.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            var published = epoch.AddSeconds(days is { } span ? Math.Floor(k * (span * 86400 / count)) : k * 30L);
            GeneratedArticle item;
            if (recentCount > 0 && random.NextDouble() < 0.1)
            {
                var original = recent[random.Next(Math.Min(recentCount, recent.Length))];
                var root = original.DuplicateOf ?? original.Article.Id;
                item = new GeneratedArticle(editor.Edit(original.Article, id, published), original.Story, root);
            }
            else
            {
                // a new story one time in four, else an article on one of the 200 most recent stories
                int story;
                if (stories.Count == 0 || random.NextDouble() < 0.25)
                {
                    var cycle = stories.Count / perCycle;
                    var first = 2 * (stories.Count % perCycle);
                    var a = _articles[order[first]];
                    var b = _articles[order[(int)((first + 1 + 2L * cycle) % order.Length)]];
                    stories.Add([.. a, .. b]);
                    story = stories.Count - 1;
                }
                else
                {
                    story = Math.Max(0, stories.Count - 1 - random.Next(Math.Min(200, stories.Count)));
                }
                var pool = stories[story];
                var sentences = 6 + random.Next(10);
                var body = new StringBuilder();
                for (var s = 0; s < sentences; s++)
                {
                    var sentence = random.NextDouble() < 0.7 ? pool[random.Next(pool.Length)] : _allSentences[random.Next(_allSentences.Length)];
                    body.Append(sentence).Append(s % 3 == 2 ? "\n\n" : " ");
                }
                var title = pool[random.Next(pool.Length)];
                if (title.Length > 80)
                    title = title[..80];
                item = new GeneratedArticle(new Article(id, "generated", null, title, body.ToString().TrimEnd(), published), "t" + story.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
            }
            recent[recentCount++ % recent.Length] = item;
            if (stories.Count > 256)
                stories[stories.Count - 257] = []; // only the latest 200 stories are drawn: drop older pools, memory stays flat
            yield return item;
        }
    }

    private static List<string> Sentences(string body)
    {
        var result = new List<string>();
        var text = body.Replace('\n', ' ');
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if ((text[i] == '.' || text[i] == '?' || text[i] == '!') && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                var s = text[start..(i + 1)].Trim();
                if (s.Length is >= 40 and <= 400)
                    result.Add(s);
                start = i + 1;
            }
        }
        return result;
    }
}
