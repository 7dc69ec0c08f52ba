namespace ClassifyPipeline.Text;

/// <summary>Which tokens <see cref="AnalysisOptions.NumberWeight"/> and <see cref="AnalysisOptions.EntityWeight"/> count again.</summary>
public static class TokenWeights
{
    /// <summary>
    /// True for a token of decimal digits with at least two of them, "." or "," allowed between digits (the tokenizer
    /// joins "3.5" and "1,200"): "2013", "07", "3.5", "1,200"; not "5", "x2", "mh17", "2nd".
    /// </summary>
    public static bool IsNumber(ReadOnlySpan<char> token)
    {
        var digits = 0;
        foreach (var c in token)
        {
            if (char.IsDigit(c))
                digits++;
            else if (c is not ('.' or ','))
                return false;
        }
        return digits >= 2;
    }

    /// <summary>
    /// True when the token at <paramref name="start"/> of <paramref name="text"/> starts with an upper-case letter and
    /// does not start a sentence: what comes before it (skipping spaces, quotes and brackets) is neither the start of
    /// the text or of a line nor a full stop, "!", "?" or "…".
    /// </summary>
    public static bool IsEntity(string text, int start)
    {
        if (!char.IsUpper(text[start]))
            return false;
        for (var i = start - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is '\n' or '\r')
                return false;
            if (char.IsWhiteSpace(c) || c is '"' or '\'' or '“' or '”' or '‘' or '’' or '(' or ')' or '[' or ']' or '«' or '»')
                continue;
            return c is not ('.' or '!' or '?' or '…');
        }
        return false;
    }
}
