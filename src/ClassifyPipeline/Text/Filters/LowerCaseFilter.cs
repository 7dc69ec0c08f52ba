namespace ClassifyPipeline.Text.Filters;

/// <summary>Case folding with invariant-culture lower-casing, so results do not depend on the machine's locale.</summary>
public sealed class LowerCaseFilter : ITokenFilter
{
    public bool Apply(TokenBuffer token)
    {
        var span = token.Span;
        for (var i = 0; i < span.Length; i++)
            span[i] = char.ToLowerInvariant(span[i]);
        return true;
    }
}
