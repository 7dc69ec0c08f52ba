using Lucene.Net.Tartarus.Snowball.Ext;

namespace ClassifyPipeline.Text.Filters;

/// <summary>Snowball English (Porter2) stemming. Holds a stemmer instance, so one filter per thread.</summary>
public sealed class EnglishStemFilter : ITokenFilter
{
    private readonly EnglishStemmer _stemmer = new();

    public bool Apply(TokenBuffer token)
    {
        _stemmer.SetCurrent(token.RawBuffer, token.Length);
        _stemmer.Stem();
        token.Set(_stemmer.CurrentBuffer.AsSpan(0, _stemmer.CurrentBufferLength));
        return true;
    }
}
