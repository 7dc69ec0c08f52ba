namespace ClassifyPipeline.Classification.Stance;

/// <summary>
/// The cue words of the stance features: refuting, negating (with any "n't" word), hedging, supporting and
/// attributing words (who says so: what "discuss" bodies do), each as a set, and every cue word with a feature
/// of its own (its rate in the body), in a fixed order that is part of the model format.
/// </summary>
internal static class StanceLexicons
{
    private static readonly string[] Refuting =
    [
        "fake", "fraud", "hoax", "false", "deny", "denies", "denied", "denying", "debunk", "debunked", "debunks",
        "bogus", "prank", "pranks", "retract", "retracted", "refute", "refutes", "refuted", "untrue", "misleading",
        "incorrect", "wrong", "baseless", "fabricated", "fabrication", "myth", "dismissed", "dismisses", "rejects", "rejected",
        "satire", "satirical", "spoof", "parody", "doubt", "doubts", "despite", "contrary", "nonsense", "lie", "lies",
        "false", "hoaxes", "scam", "photoshopped", "doctored", "unfounded", "erroneous", "mistaken", "debunking", "nope",
    ];

    private static readonly string[] Negating =
    [
        "not", "no", "never", "none", "nothing", "neither", "nor", "without", "n't", "isn't", "wasn't", "aren't",
        "weren't", "didn't", "doesn't", "don't", "won't", "can't", "cannot", "couldn't", "hasn't", "haven't", "hadn't",
    ];

    private static readonly string[] Hedging =
    [
        "reportedly", "allegedly", "alleged", "claims", "claim", "claimed", "claiming", "may", "might", "could",
        "apparently", "purportedly", "purported", "rumor", "rumors", "rumour", "rumours", "rumored", "unconfirmed",
        "unverified", "according", "suggests", "suggested", "appears", "appear", "seems", "seem", "possibly", "possible",
        "reports", "reported", "supposedly", "speculation", "speculated", "whether", "believed", "unclear", "if",
        "likely", "perhaps", "report", "sources", "source", "would", "tweeted", "circulating", "viral",
    ];

    private static readonly string[] Supporting =
    [
        "confirmed", "confirms", "confirm", "confirming", "official", "officially", "announced", "announces", "revealed",
        "reveals", "proof", "evidence", "indeed", "true", "verified", "statement", "said", "says", "admitted", "admits",
        "acknowledged", "shows", "showed", "video", "footage", "photos",
    ];

    /// <summary>Attribution: who says so. Reporting a claim through a source is what "discuss" bodies do.</summary>
    private static readonly string[] Attributing =
    [
        "said", "says", "told", "according", "reported", "reporting", "stated", "states", "wrote", "writes", "tweeted",
        "added", "explained", "insisted", "noted", "posted", "quoted", "quoting", "interview", "spokesman", "spokeswoman",
        "spokesperson", "representative", "statement", "cited", "citing", "sources", "insider", "insiders",
    ];

    private static readonly HashSet<string> RefutingSet = new(Refuting, StringComparer.Ordinal);
    public static readonly HashSet<string> NegatingSet = new(Negating, StringComparer.Ordinal);
    private static readonly HashSet<string> HedgingSet = new(Hedging, StringComparer.Ordinal);
    private static readonly HashSet<string> SupportingSet = new(Supporting, StringComparer.Ordinal);
    private static readonly HashSet<string> AttributingSet = new(Attributing, StringComparer.Ordinal);

    /// <summary>Cue words with a feature of their own (their rate in the body), in a fixed order.</summary>
    public static readonly string[] CueWords = Refuting.Concat(Negating).Concat(Hedging).Concat(Supporting).Concat(Attributing).Distinct(StringComparer.Ordinal).ToArray();

    public static readonly Dictionary<string, int> CueIndex = CueWords.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);

    public static readonly HashSet<string>[] All = [RefutingSet, NegatingSet, HedgingSet, SupportingSet, AttributingSet];

    /// <summary>How many tokens of <paramref name="d"/> in [<paramref name="from"/>, <paramref name="to"/>) are in the lexicon.</summary>
    public static int CountIn(StanceDocument d, int from, int to, HashSet<string> lexicon)
    {
        var n = 0;
        for (var i = from; i < to; i++)
        {
            var t = d.Tokens[i];
            if (lexicon.Contains(t) || (ReferenceEquals(lexicon, NegatingSet) && t.EndsWith("n't", StringComparison.Ordinal)))
                n++;
        }
        return n;
    }
}
