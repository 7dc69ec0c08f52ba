namespace ClassifyPipeline.Text.Filters;

/// <summary>Drops tokens shorter or longer than the configured bounds.</summary>
public sealed class LengthFilter(int min, int max) : ITokenFilter
{
    public bool Apply(TokenBuffer token) => token.Length >= min && token.Length <= max;
}
