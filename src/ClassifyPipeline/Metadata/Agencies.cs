using System.Text.RegularExpressions;

namespace ClassifyPipeline.Metadata;

/// <summary>
/// News agencies and wire credits: "(Reuters)", "(AP)", "AFP", "USPA NEWS — …" at the start of an article name the
/// outlet the text comes from. Known agencies get their usual spelling; an all-capital credit that ends in NEWS,
/// PRESS, AGENCY, WIRE or MEDIA is taken as written.
/// </summary>
public static partial class Agencies
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reuters"] = "Reuters", ["thomson reuters"] = "Reuters", ["ap"] = "AP", ["associated press"] = "The Associated Press",
        ["the associated press"] = "The Associated Press", ["afp"] = "AFP", ["agence france-presse"] = "AFP", ["agence france presse"] = "AFP",
        ["upi"] = "UPI", ["dpa"] = "dpa", ["ansa"] = "ANSA", ["efe"] = "EFE", ["xinhua"] = "Xinhua", ["tass"] = "TASS", ["itar-tass"] = "TASS",
        ["interfax"] = "Interfax", ["kyodo"] = "Kyodo", ["yonhap"] = "Yonhap", ["pti"] = "PTI", ["ians"] = "IANS", ["bloomberg"] = "Bloomberg",
        ["cnn"] = "CNN", ["bbc"] = "BBC", ["anadolu"] = "Anadolu", ["aa"] = "Anadolu", ["apa"] = "APA", ["sda"] = "SDA", ["ria novosti"] = "RIA Novosti",
        ["sputnik"] = "Sputnik", ["aap"] = "AAP", ["cp"] = "The Canadian Press", ["the canadian press"] = "The Canadian Press", ["pa"] = "PA",
        ["ani"] = "ANI", ["irna"] = "IRNA", ["sana"] = "SANA", ["wafa"] = "WAFA", ["mena"] = "MENA", ["kna"] = "KNA", ["epd"] = "epd",
    };

    /// <summary>The usual name of a known agency, or null.</summary>
    public static string? Canonical(string name) => Known.GetValueOrDefault(name.Trim().Trim('(', ')', '.').Trim());

    /// <summary>
    /// The agency credited at the start of a paragraph: "WASHINGTON (Reuters) - …", "LONDON, England (CNN) -- …",
    /// "USPA NEWS - …", "AFP — …". Null when the paragraph starts with none (a dateline alone, "MOSCOW — …", is a place).
    /// </summary>
    public static string? CreditAtStart(string paragraph)
    {
        var head = paragraph.Length > 160 ? paragraph[..160] : paragraph;
        var m = Parenthesized().Match(head);
        if (m.Success)
        {
            var name = m.Groups["agency"].Value.Trim();
            if (Canonical(name) is { } known)
                return known;
            if (IsCreditName(name))
                return name;
        }
        m = Leading().Match(head);
        if (m.Success)
        {
            var name = m.Groups["agency"].Value.Trim();
            return Canonical(name) ?? (IsCreditName(name) ? name : null);
        }
        return null;
    }

    private static bool IsCreditName(string name) => CreditSuffix().IsMatch(name);

    [GeneratedRegex(@"^(?:[\p{Lu}][\p{L}.'’\-]*(?:[ ,]+[\p{L}.'’\-]+){0,4}\s*)?\((?<agency>[\p{L}][\p{L}\p{N}.&' \-]{1,30})\)\s*(?:[-–—:]|--)", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthesized();

    [GeneratedRegex(@"^(?<agency>\p{Lu}[\p{Lu}\-]+(?:\s+\p{Lu}[\p{Lu}\-]+){0,3})\s*(?:[-–—:]|--)\s", RegexOptions.CultureInvariant)]
    private static partial Regex Leading();

    [GeneratedRegex(@"^\p{Lu}[\p{Lu}\-]*(?:\s+\p{Lu}[\p{Lu}\-]*)*\s+(?:NEWS|PRESS|AGENCY|WIRE|MEDIA|NEWSWIRE)$", RegexOptions.CultureInvariant)]
    private static partial Regex CreditSuffix();
}
