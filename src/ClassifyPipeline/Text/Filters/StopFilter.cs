namespace ClassifyPipeline.Text.Filters;

/// <summary>Drops stop words, looked up by span so that no string is made for the lookup.</summary>
public sealed class StopFilter : ITokenFilter
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StopFilter(IEnumerable<string> words)
    {
        _lookup = new HashSet<string>(words, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool Apply(TokenBuffer token) => !_lookup.Contains(token.Span);
}
