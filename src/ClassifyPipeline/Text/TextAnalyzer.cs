using System.Runtime.InteropServices;
using System.Text;
using ClassifyPipeline.Text.Filters;

namespace ClassifyPipeline.Text;

/// <summary>
/// The Analyze stage, built like a Lucene analyzer: the <see cref="Tokenizer"/>, then small filters
/// (apostrophes, lower case, length, stop words, optional stemming), then word n-grams over what is left. The text is
/// folded to NFKC first, so that compatibility forms match their plain letters. Number tokens and (in the body)
/// capitalized words can be counted more than once (<see cref="AnalysisOptions.NumberWeight"/>,
/// <see cref="AnalysisOptions.EntityWeight"/>): the extra copies follow the text's terms; n-grams are built once.
/// Deterministic and culture-invariant. Holds reusable buffers: use one instance per thread.
/// </summary>
public sealed class TextAnalyzer
{
    private readonly AnalysisOptions _options;
    private readonly ITokenFilter[] _filters;
    private readonly TokenBuffer _buffer = new();
    private readonly List<string> _words = [];
    private readonly List<string> _extra = [];

    public TextAnalyzer(AnalysisOptions options)
    {
        _options = options;
        var filters = new List<ITokenFilter> { new ApostropheFilter(), new LowerCaseFilter(), new LengthFilter(options.MinTokenLength, options.MaxTokenLength) };
        if (options.StopWords == StopWordList.English)
            filters.Add(new StopFilter(StopWords.English));
        if (options.Stemming == Stemming.English)
            filters.Add(new EnglishStemFilter());
        _filters = [.. filters];
    }

    public AnalyzedArticle Analyze(CleanArticle article)
    {
        var terms = new List<string>();
        for (var i = 0; i < _options.TitleWeight; i++)
            AddTerms(article.Title, terms, entities: false);
        AddTerms(article.Body, terms, entities: true);
        if (_options.LeadWeight > 1 && Lead(article.Body) is { Length: > 0 } lead)
        {
            for (var i = 1; i < _options.LeadWeight; i++)
                AddTerms(lead, terms, entities: true);
        }
        return new AnalyzedArticle(article, terms);
    }

    /// <summary>The first non-blank paragraph of a body (one paragraph per line), or "".</summary>
    public static string Lead(string body)
    {
        var span = body.AsSpan();
        foreach (var range in span.Split('\n'))
        {
            if (!span[range].IsWhiteSpace())
                return span[range].ToString();
        }
        return "";
    }

    /// <summary>The terms of one text: filtered words, then their n-grams (joined with a space) when <c>maxNGram</c> &gt; 1.</summary>
    public List<string> Terms(string text)
    {
        var terms = new List<string>();
        AddTerms(text, terms, entities: true);
        return terms;
    }

    private void AddTerms(string text, List<string> terms, bool entities)
    {
        // matching folds compatibility forms ("ﬁ" → "fi", full-width letters), whatever form the cleaned text keeps
        text = LoneSurrogates.Replace(text);
        if (!text.IsNormalized(NormalizationForm.FormKC))
            text = text.Normalize(NormalizationForm.FormKC);
        _words.Clear();
        _extra.Clear();
        var entityWeight = entities ? _options.EntityWeight : 1;
        Tokenizer.Tokenize(text, (start, length) =>
        {
            _buffer.Set(text.AsSpan(start, length));
            foreach (var filter in _filters)
            {
                if (!filter.Apply(_buffer))
                    return;
            }
            if (_buffer.Length == 0)
                return;
            var word = new string(_buffer.Span);
            _words.Add(word);
            var weight = TokenWeights.IsNumber(word) ? _options.NumberWeight
                : entityWeight > 1 && TokenWeights.IsEntity(text, start) ? entityWeight
                : 1;
            for (var i = 1; i < weight; i++)
                _extra.Add(word);
        });
        terms.AddRange(_words);
        ReadOnlySpan<string?> words = CollectionsMarshal.AsSpan(_words);
        for (var n = 2; n <= _options.MaxNGram; n++)
        {
            for (var i = 0; i + n <= words.Length; i++)
                terms.Add(string.Join(' ', words.Slice(i, n)));
        }
        terms.AddRange(_extra);
    }
}
