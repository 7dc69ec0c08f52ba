namespace ClassifyPipeline.Evaluation;

/// <summary>
/// True positives, false positives and false negatives of one label (or summed over labels, for the micro scores),
/// and the precision, recall and F1 they give. An undefined score (0/0) counts as 0, as in scikit-learn.
/// </summary>
public readonly record struct BinaryCounts(long TruePositives, long FalsePositives, long FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>2·tp / (2·tp + fp + fn): the harmonic mean of precision and recall, 0 when there is nothing to count.</summary>
    public double F1 => 2 * TruePositives + FalsePositives + FalseNegatives == 0 ? 0 : 2.0 * TruePositives / (2 * TruePositives + FalsePositives + FalseNegatives);

    /// <summary>Gold items carrying the label: tp + fn.</summary>
    public long Support => TruePositives + FalseNegatives;

    public static BinaryCounts operator +(BinaryCounts a, BinaryCounts b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}
