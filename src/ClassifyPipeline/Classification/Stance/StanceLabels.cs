namespace ClassifyPipeline.Classification.Stance;

/// <summary>The four FNC-1 stances and their fixed indices (used in arrays, confusion matrices and model files).</summary>
public static class StanceLabels
{
    public const int Agree = 0;
    public const int Disagree = 1;
    public const int Discuss = 2;
    public const int Unrelated = 3;
    public const int Count = 4;

    public static readonly IReadOnlyList<string> Names = ["agree", "disagree", "discuss", "unrelated"];

    /// <summary>The index of a label (case-sensitive, as FNC-1 writes them), or -1 when it is not one.</summary>
    public static int IndexOf(string label) => label switch
    {
        "agree" => Agree,
        "disagree" => Disagree,
        "discuss" => Discuss,
        "unrelated" => Unrelated,
        _ => -1,
    };
}
