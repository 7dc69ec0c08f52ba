using System.ComponentModel.DataAnnotations;

namespace ClassifyPipeline.Text;

/// <summary>The <c>clean</c> section of pipeline.json.</summary>
public sealed class CleanOptions
{
    /// <summary>
    /// Unicode normalization form applied to title and body. NFC (the default) composes characters without changing
    /// any letter; NFKC also folds compatibility forms ("ﬁ" → "fi", "½" → "1/2", Arabic presentation forms), which
    /// the Analyze stage does anyway for matching, so the output text need not lose them.
    /// </summary>
    public UnicodeNormalization Normalization { get; set; } = UnicodeNormalization.Nfc;

    /// <summary>Extra regular expressions (case-insensitive, matched against a whole trimmed line) for site chrome lines to drop.</summary>
    public List<string> BoilerplatePatterns { get; set; } = [];

    /// <summary>Extra regular expressions for a line where a publisher footer starts: it and everything after it are dropped.</summary>
    public List<string> FooterPatterns { get; set; } = [];

    /// <summary>How many leading lines are considered when picking a title for an article that has none marked.</summary>
    [Range(1, 100)]
    public int TitleSearchLines { get; set; } = 12;

    /// <summary>Longest title, in words, that the title picker accepts.</summary>
    [Range(3, 100)]
    public int TitleMaxWords { get; set; } = 30;
}

public enum UnicodeNormalization
{
    None,
    Nfc,
    Nfkc,
}
