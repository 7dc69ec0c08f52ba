namespace ClassifyPipeline.Extraction.Evaluation;

/// <summary>
/// Shingle matches of one page or of a whole page set: true positives (shingles both texts have), false positives
/// (extracted, not expected) and false negatives (expected, not extracted). <see cref="ShingleOverlap.Compare"/>
/// divides a page's counts by their sum, so that adding pages gives every page the same weight.
/// </summary>
public readonly record struct ShingleCounts(double TruePositives, double FalsePositives, double FalseNegatives)
{
    /// <summary>Precision; 0 when nothing was extracted.</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>Recall; 0 when nothing was expected.</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static ShingleCounts operator +(ShingleCounts a, ShingleCounts b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    private static double Ratio(double a, double b) => b == 0 ? 0 : a / b;
}
