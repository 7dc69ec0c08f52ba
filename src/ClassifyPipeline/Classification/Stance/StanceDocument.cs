using ClassifyPipeline.Text;
using ClassifyPipeline.Text.Filters;

namespace ClassifyPipeline.Classification.Stance;

/// <summary>
/// A headline or body as the stance features see it: lower-cased tokens, their light stems (stop words
/// marked), sentence boundaries, per-sentence stem counts and hashed character 5-grams of the text.
/// </summary>
internal sealed class StanceDocument
{
    private StanceDocument(string[] tokens, string?[] stems, int[] sentenceStarts, Dictionary<string, int> counts, Dictionary<string, int>[] sentenceCounts, int[] charGrams, bool question, int[] sentenceQuotes)
    {
        SentenceQuotes = sentenceQuotes;
        Tokens = tokens;
        Stems = stems;
        SentenceStarts = sentenceStarts;
        Counts = counts;
        SentenceCounts = sentenceCounts;
        CharGrams = charGrams;
        HasQuestion = question;
    }

    /// <summary>Lower-cased surface tokens.</summary>
    public string[] Tokens { get; }

    /// <summary>The stem of each token, or null for stop words and one-character tokens.</summary>
    public string?[] Stems { get; }

    /// <summary>The token index where each sentence starts (the first is 0); a sentence ends where the next starts.</summary>
    public int[] SentenceStarts { get; }

    /// <summary>Stem counts over the whole text.</summary>
    public Dictionary<string, int> Counts { get; }

    /// <summary>Stem counts per sentence.</summary>
    public Dictionary<string, int>[] SentenceCounts { get; }

    /// <summary>Sorted distinct hashes of the character 5-grams of the text's content words.</summary>
    public int[] CharGrams { get; }

    public bool HasQuestion { get; }

    /// <summary>Quotation marks (straight or curly double quotes) per sentence: quoted speech marks attribution.</summary>
    public int[] SentenceQuotes { get; }

    /// <summary>Quotation marks in the whole text.</summary>
    public int QuoteCount => SentenceQuotes.Sum();

    public int SentenceCount => SentenceStarts.Length;

    public int SentenceEnd(int sentence) => sentence + 1 < SentenceStarts.Length ? SentenceStarts[sentence + 1] : Tokens.Length;

    /// <summary>The shared chain's filters as stance uses them: one-character tokens and stop words out, plural stems.</summary>
    private static readonly ITokenFilter[] Filters = [new LengthFilter(2, int.MaxValue), new StopFilter(StopWords.English), new PluralStemFilter()];

    private static bool Keep(TokenBuffer token)
    {
        foreach (var filter in Filters)
            if (!filter.Apply(token))
                return false;
        return true;
    }

    public static StanceDocument Create(string text)
    {
        var tokens = new List<string>();
        var starts = new List<int> { 0 };
        var previousEnd = 0;
        var quotes = new List<int> { 0 };
        Tokenizer.Tokenize(text, (start, length) =>
        {
            var gap = text.AsSpan(previousEnd, start - previousEnd);
            if (tokens.Count > 0 && BreaksSentence(gap) && starts[^1] != tokens.Count)
            {
                // Quotes before the gap's last space close the old sentence; after it they open the new one.
                var split = gap.LastIndexOfAny(' ', '\n', '\t') + 1;
                quotes[^1] += Quotes(gap[..split]);
                gap = gap[split..];
                starts.Add(tokens.Count);
                quotes.Add(0);
            }
            quotes[^1] += Quotes(gap);
            tokens.Add(text.Substring(start, length).ToLowerInvariant().Replace('\u2019', '\''));
            previousEnd = start + length;
        });

        quotes[^1] += Quotes(text.AsSpan(previousEnd));
        var stems = new string?[tokens.Count];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var buffer = new TokenBuffer();
        for (var i = 0; i < tokens.Count; i++)
        {
            buffer.Set(tokens[i]);
            if (!Keep(buffer))
                continue;
            var stem = new string(buffer.Span);
            stems[i] = stem;
            counts[stem] = counts.GetValueOrDefault(stem) + 1;
        }

        var sentenceCounts = new Dictionary<string, int>[starts.Count];
        for (var s = 0; s < starts.Count; s++)
        {
            var end = s + 1 < starts.Count ? starts[s + 1] : tokens.Count;
            var d = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = starts[s]; i < end; i++)
                if (stems[i] is { } stem)
                    d[stem] = d.GetValueOrDefault(stem) + 1;
            sentenceCounts[s] = d;
        }

        return new StanceDocument(tokens.ToArray(), stems, starts.ToArray(), counts, sentenceCounts, CharGramHashes(tokens, stems), text.Contains('?'), quotes.ToArray());
    }

    private static int Quotes(ReadOnlySpan<char> gap)
    {
        var n = 0;
        foreach (var c in gap)
            if (c is '"' or '\u201C' or '\u201D')
                n++;
        return n;
    }

    private static bool BreaksSentence(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
            if (c is '.' or '!' or '?' or '\n')
                return true;
        return false;
    }

    private static int[] CharGramHashes(List<string> tokens, string?[] stems)
    {
        var buffer = new System.Text.StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (stems[i] is null)
                continue;
            buffer.Append(' ').Append(tokens[i]);
        }
        buffer.Append(' ');
        var text = buffer.ToString();
        const int n = 5;
        if (text.Length < n)
            return [];
        var hashes = new int[text.Length - n + 1];
        for (var i = 0; i + n <= text.Length; i++)
            hashes[i] = Fnv(text.AsSpan(i, n));
        Array.Sort(hashes);
        var distinct = 0;
        for (var i = 0; i < hashes.Length; i++)
            if (i == 0 || hashes[i] != hashes[i - 1])
                hashes[distinct++] = hashes[i];
        return hashes[..distinct];
    }

    private static int Fnv(ReadOnlySpan<char> span)
    {
        var hash = 2166136261u;
        foreach (var c in span)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return (int)hash;
    }
}
