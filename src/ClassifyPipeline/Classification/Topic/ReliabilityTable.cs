namespace ClassifyPipeline.Classification.Topic;

/// <summary>One bin of a <see cref="ReliabilityTable"/>: the predictions whose top score lies in [Lower, Upper).</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanScore, double Accuracy);

/// <summary>
/// How well the top score of each prediction matches how often the top label is right (Guo et al. 2017): the
/// predictions are binned by top score into equal-width bins (the last one includes 1), each bin's mean score is set
/// against its accuracy, and the expected calibration error (ECE) is the count-weighted mean gap
/// Σ (nᵦ / n)·|accuracyᵦ − mean scoreᵦ|. Also the share of predictions that a minimum confidence would turn uncertain.
/// </summary>
public sealed class ReliabilityTable
{
    private ReliabilityTable(IReadOnlyList<ReliabilityBin> bins, int count, double ece, double meanScore, double accuracy, IReadOnlyList<double> scores)
    {
        Bins = bins;
        Count = count;
        ExpectedCalibrationError = ece;
        MeanScore = meanScore;
        Accuracy = accuracy;
        _scores = scores;
    }

    private readonly IReadOnlyList<double> _scores;

    /// <summary>Every bin, empty ones included, lowest first.</summary>
    public IReadOnlyList<ReliabilityBin> Bins { get; }

    public int Count { get; }

    public double ExpectedCalibrationError { get; }

    /// <summary>The mean top score (a calibrated model's expected accuracy).</summary>
    public double MeanScore { get; }

    /// <summary>The share of predictions whose top label is right.</summary>
    public double Accuracy { get; }

    /// <summary>The share of predictions whose top score is below <paramref name="minConfidence"/> (reported as uncertain, topic null).</summary>
    public double BelowConfidence(double minConfidence) => Count == 0 ? 0 : (double)_scores.Count(s => s < minConfidence) / Count;

    /// <summary>The table for the top score of each prediction and whether its top label was right.</summary>
    public static ReliabilityTable From(IReadOnlyList<(double Score, bool Correct)> predictions, int binCount = 10)
    {
        if (binCount < 1)
            throw new ArgumentOutOfRangeException(nameof(binCount), binCount, "at least one bin");
        var counts = new int[binCount];
        var scoreSums = new double[binCount];
        var correct = new int[binCount];
        foreach (var (score, right) in predictions)
        {
            if (double.IsNaN(score) || score < 0 || score > 1)
                throw new ArgumentOutOfRangeException(nameof(predictions), score, "scores must lie in 0..1");
            var b = Math.Min((int)(score * binCount), binCount - 1);
            counts[b]++;
            scoreSums[b] += score;
            if (right)
                correct[b]++;
        }
        var n = predictions.Count;
        var bins = new ReliabilityBin[binCount];
        double ece = 0;
        for (var b = 0; b < binCount; b++)
        {
            var mean = counts[b] == 0 ? 0 : scoreSums[b] / counts[b];
            var accuracy = counts[b] == 0 ? 0 : (double)correct[b] / counts[b];
            bins[b] = new ReliabilityBin((double)b / binCount, (double)(b + 1) / binCount, counts[b], mean, accuracy);
            if (n > 0)
                ece += (double)counts[b] / n * Math.Abs(accuracy - mean);
        }
        return new ReliabilityTable(bins, n, ece,
            n == 0 ? 0 : scoreSums.Sum() / n,
            n == 0 ? 0 : (double)correct.Sum() / n,
            predictions.Select(p => p.Score).ToArray());
    }
}
