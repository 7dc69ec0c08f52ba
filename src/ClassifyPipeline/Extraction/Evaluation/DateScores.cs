namespace ClassifyPipeline.Extraction.Evaluation;

/// <summary>
/// Date extraction scored at the exact calendar day, counted as htmldate's benchmark counts: the right day is a
/// true positive; a wrong day, or a day where none is expected, a false positive; no day where one is expected a
/// false negative; no day where none is expected a true negative. So a wrong date costs precision, a missing one recall.
/// </summary>
public readonly record struct DateScores(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public int Pages => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The scores with one more page counted.</summary>
    public DateScores Add(DateOnly? expected, DateOnly? found) => (expected, found) switch
    {
        (null, null) => this with { TrueNegatives = TrueNegatives + 1 },
        (not null, null) => this with { FalseNegatives = FalseNegatives + 1 },
        _ when expected == found => this with { TruePositives = TruePositives + 1 },
        _ => this with { FalsePositives = FalsePositives + 1 },
    };
}
