namespace ClassifyPipeline.Text.Filters;

/// <summary>
/// Unifies the typographic apostrophe with the ASCII one and strips the English possessive
/// ("Russia's" and "Russia’s" both become "russia"), like Lucene's EnglishPossessiveFilter.
/// </summary>
public sealed class ApostropheFilter : ITokenFilter
{
    public bool Apply(TokenBuffer token)
    {
        var span = token.Span;
        span.Replace('\u2019', '\'');
        if (span.Length > 2 && span[^2] == '\'' && span[^1] is 's' or 'S')
            token.Truncate(span.Length - 2);
        return true;
    }
}
