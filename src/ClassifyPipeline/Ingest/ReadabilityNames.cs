using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Undoes a difference between SmartReader and Readability.js before SmartReader scores the page. Readability.js
/// counts an element as unlikely content when its class or id has the word "hid" (<c>^hid$| hid$| hid |^hid </c>) or
/// contains "hidden"; SmartReader's port lost the spaces and penalizes "hid" anywhere, so a read-more container such as
/// salon.com's <c>class="toggle-group target hideOnInit"</c> (most of the article) lost to its first paragraphs.
/// Names where "hid" is only part of a word ("hideOnInit", "chidori") are rewritten so that they no longer contain it.
/// </summary>
public static partial class ReadabilityNames
{
    public static void Repair(IDocument document)
    {
        if (document.Body is not { } body)
            return;
        foreach (var e in body.QuerySelectorAll("[class], [id]"))
        {
            foreach (var name in (ReadOnlySpan<string>)["class", "id"])
            {
                if (e.GetAttribute(name) is { } value && Repaired(value) is { } repaired)
                    e.SetAttribute(name, repaired);
            }
        }
    }

    /// <summary>The value with "hid" rewritten inside words, or null when Readability.js would read it as SmartReader does.</summary>
    public static string? Repaired(string value)
    {
        if (value.Contains("hidden", StringComparison.OrdinalIgnoreCase) || !value.Contains("hid", StringComparison.OrdinalIgnoreCase))
            return null;
        var repaired = HidInsideWord().Replace(value, m => Hid().Replace(m.Value, "$1_$2"));
        return repaired == value ? null : repaired;
    }

    // a whitespace-separated token that contains "hid" but is not exactly "hid"
    [GeneratedRegex(@"(?<!\S)(?!hid(?:\s|$))\S*hid\S*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HidInsideWord();

    [GeneratedRegex("(h)i(d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Hid();
}
