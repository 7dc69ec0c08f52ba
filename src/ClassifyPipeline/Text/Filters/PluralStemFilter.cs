namespace ClassifyPipeline.Text.Filters;

/// <summary>
/// A light English stemmer: possessive and plural endings only ("hoaxes" → "hoax", "claims" → "claim", "Syria's" →
/// "Syria"), leaving tense and derivation alone. The stance features match headline and body words with it, where
/// Porter2's heavier conflation ("news"/"new", "general"/"generous") costs more than it finds.
/// </summary>
public sealed class PluralStemFilter : ITokenFilter
{
    public bool Apply(TokenBuffer token)
    {
        token.Truncate(StemLength(token.Span));
        var span = token.Span;
        if (span.Length > 4 && span.EndsWith("ies"))
        {
            span[^3] = 'y';
            token.Truncate(span.Length - 2);
        }
        return true;
    }

    /// <summary>The stem's length when the stem is a prefix of the token (all endings but "ies" → "y").</summary>
    private static int StemLength(ReadOnlySpan<char> token)
    {
        if (token.EndsWith("'s"))
            token = token[..^2];
        if (token.Length > 4 && token.EndsWith("ies"))
            return token.Length;
        if (token.Length > 4 && (token.EndsWith("sses") || token.EndsWith("xes") || token.EndsWith("ches") || token.EndsWith("shes")))
            return token.Length - 2;
        if (token.Length > 3 && token[^1] == 's' && token[^2] is not ('s' or 'u' or 'i'))
            return token.Length - 1;
        return token.Length;
    }

    /// <summary>The stem of one token.</summary>
    public string Stem(string token)
    {
        var buffer = new TokenBuffer();
        buffer.Set(token);
        Apply(buffer);
        return new string(buffer.Span);
    }
}
