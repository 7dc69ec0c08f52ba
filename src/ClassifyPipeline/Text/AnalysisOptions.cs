using System.ComponentModel.DataAnnotations;

namespace ClassifyPipeline.Text;

/// <summary>The <c>analysis</c> section of pipeline.json.</summary>
public sealed class AnalysisOptions
{
    /// <summary>Stop words removed before n-grams are built.</summary>
    public StopWordList StopWords { get; set; } = StopWordList.English;

    /// <summary>Stemming applied to each token (Snowball English, Porter2).</summary>
    public Stemming Stemming { get; set; } = Stemming.None;

    /// <summary>Longest word n-gram; 1 means single words only.</summary>
    [Range(1, 5)]
    public int MaxNGram { get; set; } = 1;

    /// <summary>Tokens shorter than this (in characters) are dropped.</summary>
    [Range(1, 20)]
    public int MinTokenLength { get; set; } = 2;

    /// <summary>Tokens longer than this are dropped (URLs glued into words, base64 junk).</summary>
    [Range(2, 1000)]
    public int MaxTokenLength { get; set; } = 40;

    /// <summary>
    /// Weight of the title: its tokens are counted this many times (0 leaves the title out of the vectors). 2: with
    /// <c>dedup.linkThreshold</c> 0.10 it keeps story F1 flat around the chosen threshold (docs/stories.md). Only the
    /// story and thread vectors use it: the topic classifier builds its own analysis.
    /// </summary>
    [Range(0, 10)]
    public int TitleWeight { get; set; } = 2;

    /// <summary>
    /// Weight of the lead (the body's first non-blank paragraph): its tokens are counted this many times in all (1: as
    /// any other paragraph). The topic classifier builds its own analysis and keeps its own lead weighting.
    /// </summary>
    [Range(1, 10)]
    public int LeadWeight { get; set; } = 1;

    /// <summary>
    /// Weight of number tokens: a token of digits with at least two of them ("2013", "07", "3.5", "1,200"; not "5",
    /// "x2", "mh17") is counted this many times wherever it appears (1: as any word). Dates, counts and amounts tell
    /// one event from another on the same subject. Only the story and thread vectors use it: the topic classifier
    /// builds its own analysis.
    /// </summary>
    [Range(1, 10)]
    public int NumberWeight { get; set; } = 1;

    /// <summary>
    /// Weight of capitalized words of the body (names: a word whose first character is an upper-case letter, not the
    /// first word of a sentence or paragraph) counted this many times (1: as any word). The title is left out, since
    /// headlines are often in title case. Story and thread vectors only.
    /// </summary>
    [Range(1, 10)]
    public int EntityWeight { get; set; } = 1;
}

public enum StopWordList
{
    None,
    English,
}

public enum Stemming
{
    None,
    English,
}
