using System.Text.RegularExpressions;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Language values as inputs write them (<c>en-us</c>, <c>EN</c>, <c>en_GB</c>, <c>de-DE, en</c>) made BCP 47
/// tags in their usual case (<c>en-US</c>, <c>en</c>, <c>en-GB</c>, <c>de-DE</c>): the first of a list is kept,
/// the language subtag lower case, a region upper case, a script title case. A value that is not a tag
/// (<c>English</c>, <c>#</c>) gives null rather than a made-up code.
/// </summary>
public static partial class LanguageTags
{
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var first = value.Trim().Split([',', ';', ' ', '\t', '\n'], 2, StringSplitOptions.RemoveEmptyEntries)[0].Replace('_', '-');
        if (!Tag().IsMatch(first))
            return null;
        var parts = first.Split('-');
        parts[0] = parts[0].ToLowerInvariant();
        for (var i = 1; i < parts.Length; i++)
        {
            var p = parts[i];
            parts[i] = p.Length switch
            {
                2 when char.IsAsciiLetter(p[0]) => p.ToUpperInvariant(),
                4 when char.IsAsciiLetter(p[0]) => char.ToUpperInvariant(p[0]) + p[1..].ToLowerInvariant(),
                _ => p.ToLowerInvariant(),
            };
        }
        return string.Join('-', parts);
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
