namespace ClassifyPipeline.Text.Filters;

/// <summary>One step of the analysis chain: changes the token in place, or drops it by returning false.</summary>
public interface ITokenFilter
{
    bool Apply(TokenBuffer token);
}
