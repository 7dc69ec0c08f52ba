using ClassifyPipeline.Text;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// A fixed-size sketch of an article's word shingles, for telling a re-publication (the same text, lightly edited)
/// from a rewrite on the same story (other text that shares sentences or words): the <see cref="Size"/> smallest
/// 32-bit hashes of its distinct word 5-grams (every token lower-cased, in order, stop words kept), and how many
/// distinct 5-grams there were. Two sketches estimate the Jaccard index of the two shingle sets from the bottom
/// <see cref="Size"/> of their union (exact when each text has at most <see cref="Size"/> shingles), and from it the
/// containment of the smaller set in the larger. A wire copy with a new headline, a byline and its last paragraph
/// cut keeps most of its 5-grams in order; two articles that share a few sentences share only those sentences'
/// 5-grams. 256 bytes an article, whatever its length.
/// </summary>
public sealed class TextSketch
{
    /// <summary>Shingles of this many words.</summary>
    public const int ShingleWords = 5;

    /// <summary>Hashes kept per article.</summary>
    public const int Size = 64;

    private readonly uint[] _minima;

    private TextSketch(uint[] minima, int count)
    {
        _minima = minima;
        Count = count;
    }

    /// <summary>How many distinct shingles the text has (0 for a text of fewer than <see cref="ShingleWords"/> tokens).</summary>
    public int Count { get; }

    /// <summary>
    /// The sketch of a cleaned article: its body without the headline (a re-publication may retitle), but with the
    /// headline when the cleaner picked it from the text (it is then the text's first line, not a marked title) or
    /// when the body is too short to shingle (a one-paragraph text given with that paragraph as its title leaves
    /// the body empty: the title is then the text).
    /// </summary>
    public static TextSketch Of(CleanArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.TitlePicked)
            return Of(article.Title + "\n" + article.Body);
        var body = Of(article.Body);
        return body.Count > 0 ? body : Of(article.Title + "\n" + article.Body);
    }

    /// <summary>The sketch of a text (an article's body, without its headline).</summary>
    public static TextSketch Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<ulong>();
        Tokenizer.Tokenize(text, (start, length) => tokens.Add(TokenHash(text.AsSpan(start, length))));
        if (tokens.Count < ShingleWords)
            return new TextSketch([], 0);
        var hashes = new uint[tokens.Count - ShingleWords + 1];
        for (var i = 0; i < hashes.Length; i++)
        {
            var h = 0xcbf29ce484222325UL;
            for (var w = 0; w < ShingleWords; w++)
                h = (h ^ tokens[i + w]) * 0x100000001b3UL;
            hashes[i] = (uint)(Mix(h) >> 32);
        }
        Array.Sort(hashes);
        var distinct = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            if (i == 0 || hashes[i] != hashes[i - 1])
                hashes[distinct++] = hashes[i];
        }
        return new TextSketch(hashes[..Math.Min(distinct, Size)], distinct);
    }

    /// <summary>Estimated Jaccard index of the two texts' shingle sets (0 when either has none).</summary>
    public double Jaccard(TextSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Count == 0 || other.Count == 0)
            return 0;
        // the bottom k of the union: a hash among them that is in both sets is in both sketches
        var k = Math.Min(Size, Count + other.Count);
        var (a, b, taken, shared) = (0, 0, 0, 0);
        while (taken < k && (a < _minima.Length || b < other._minima.Length))
        {
            if (b == other._minima.Length || a < _minima.Length && _minima[a] < other._minima[b])
            {
                a++;
            }
            else if (a == _minima.Length || other._minima[b] < _minima[a])
            {
                b++;
            }
            else
            {
                a++;
                b++;
                shared++;
            }
            taken++;
        }
        return taken == 0 ? 0 : (double)shared / taken;
    }

    /// <summary>
    /// Estimated share of the smaller text's shingles that the other text has too: |A ∩ B| / min(|A|, |B|),
    /// from the Jaccard index J and the set sizes (|A ∩ B| = J (|A| + |B|) / (1 + J)). 0 when either has none.
    /// </summary>
    public double Containment(TextSketch other)
    {
        var j = Jaccard(other);
        if (j == 0)
            return 0;
        var shared = j * (Count + other.Count) / (1 + j);
        return Math.Min(1.0, shared / Math.Min(Count, other.Count));
    }

    private static ulong TokenHash(ReadOnlySpan<char> token)
    {
        var h = 0xcbf29ce484222325UL;
        foreach (var c in token)
            h = (h ^ char.ToLowerInvariant(c)) * 0x100000001b3UL;
        return Mix(h);
    }

    // splitmix64's finalizer: spreads every input bit over the output
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9UL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebUL;
        return x ^ (x >> 31);
    }
}
