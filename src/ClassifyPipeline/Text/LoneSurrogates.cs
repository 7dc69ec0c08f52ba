namespace ClassifyPipeline.Text;

/// <summary>
/// Repairs text holding half of a surrogate pair (a JSON "\ud800" escape, a truncated UTF-16 file): .NET's
/// Unicode normalization throws on such text, so each lone half becomes U+FFFD and the article goes on.
/// </summary>
public static class LoneSurrogates
{
    /// <summary><paramref name="text"/> itself when it is valid UTF-16, else a copy with every lone surrogate replaced by U+FFFD.</summary>
    public static string Replace(string text)
    {
        var first = FirstLone(text);
        if (first < 0)
            return text;
        var chars = text.ToCharArray();
        for (var i = first; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                i++;
            else if (char.IsSurrogate(chars[i]))
                chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    private static int FirstLone(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsSurrogate(c))
                continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else
                return i;
        }
        return -1;
    }
}
