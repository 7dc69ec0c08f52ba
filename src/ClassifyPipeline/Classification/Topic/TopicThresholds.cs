using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Classification.Topic;

/// <summary>Decision thresholds and the top-label fallback tuned on out-of-fold scores (SCut, micro-F1 rounds).</summary>
internal static class TopicThresholds
{
    /// <summary>A label needs this many positives before its threshold or calibration is fitted to it.</summary>
    internal const int MinPositivesToTune = 5;

    private const double MinF1ToTune = 0.5;

    /// <summary>
    /// A label's threshold from its out-of-fold scores (SCut with a fallback, after Yang 2001): the score that maximizes
    /// the label's F1, placed midway to the next score, kept within 0.3..0.7. A label with fewer than 5 positives, or
    /// whose best out-of-fold F1 is below 0.5, keeps the default threshold: a threshold fitted to a handful of low
    /// scores would fire on many unrelated articles.
    /// </summary>
    internal static float BestThreshold(double[] scores, bool[] positive, float fallback)
    {
        var totalPositive = positive.Count(p => p);
        if (totalPositive < MinPositivesToTune)
            return fallback;
        var cut = BestCut(scores, positive, baseline: -1, (tp, fp) => TopicMetrics.F1(tp, fp, totalPositive - tp));
        return cut is not { } best || best.Value < MinF1ToTune ? fallback : Math.Clamp(best.Threshold, 0.3f, 0.7f);
    }

    /// <summary>
    /// The top-label fallback threshold that maximizes the micro-F1 of the out-of-fold predictions: among the articles
    /// no label's threshold claims, those whose top score reaches it get their top label (a true positive when the
    /// article carries it, else a false positive). Placed midway between two scores; <see cref="TopicModel.NoFallback"/>
    /// when assigning none is best.
    /// </summary>
    internal static float BestFallback(double[][] scores, bool[][] targets, IReadOnlyList<float> thresholds)
    {
        var labelCount = targets.Length;
        var count = labelCount == 0 ? 0 : targets[0].Length;
        long tp = 0, fp = 0, fn = 0;
        var candidates = new List<(double Score, bool Correct)>();
        for (var i = 0; i < count; i++)
        {
            var top = 0;
            var any = false;
            for (var l = 0; l < labelCount; l++)
            {
                var assigned = scores[l][i] >= thresholds[l];
                any |= assigned;
                if (assigned && targets[l][i])
                    tp++;
                else if (assigned)
                    fp++;
                else if (targets[l][i])
                    fn++;
                if (scores[l][i] > scores[top][i])
                    top = l;
            }
            if (!any)
                candidates.Add((scores[top][i], targets[top][i]));
        }
        var cut = BestCut(candidates.Select(c => c.Score).ToArray(), candidates.Select(c => c.Correct).ToArray(),
            baseline: TopicMetrics.F1(tp, fp, fn), (runTp, runFp) => TopicMetrics.F1(tp + runTp, fp + runFp, fn - runTp));
        return cut?.Threshold ?? TopicModel.NoFallback;
    }

    /// <summary>
    /// Coordinate ascent on the micro-F1 of the out-of-fold predictions (<see cref="ThresholdObjective.MicroF1"/>): each
    /// label's threshold in turn moves to the score, midway to the next, where the micro-F1 over all labels is best with
    /// the other thresholds fixed, kept within 0.3..0.7. Labels with fewer than 5 positives keep theirs.
    /// </summary>
    internal static void MicroF1Thresholds(double[][] scores, bool[][] targets, float[] thresholds, int rounds)
    {
        var labelCount = targets.Length;
        var counts = new (long Tp, long Fp, long Fn)[labelCount];
        long tp = 0, fp = 0, fn = 0;
        for (var l = 0; l < labelCount; l++)
        {
            counts[l] = Counts(scores[l], targets[l], thresholds[l]);
            tp += counts[l].Tp;
            fp += counts[l].Fp;
            fn += counts[l].Fn;
        }
        for (var round = 0; round < rounds; round++)
        {
            for (var l = 0; l < labelCount; l++)
            {
                var positives = counts[l].Tp + counts[l].Fn;
                if (positives < MinPositivesToTune)
                    continue;
                // The other labels' counts, and this label's as if it assigned nothing.
                var otherTp = tp - counts[l].Tp;
                var otherFp = fp - counts[l].Fp;
                var otherFn = fn - counts[l].Fn + positives;
                var cut = BestCut(scores[l], targets[l], baseline: TopicMetrics.F1(otherTp, otherFp, otherFn),
                    (runTp, runFp) => TopicMetrics.F1(otherTp + runTp, otherFp + runFp, otherFn - runTp));
                // when assigning this label never helps, only a certain score does
                var threshold = cut?.Threshold ?? 1;
                thresholds[l] = Math.Clamp(threshold, 0.3f, 0.7f);
                counts[l] = Counts(scores[l], targets[l], thresholds[l]);
                tp = otherTp + counts[l].Tp;
                fp = otherFp + counts[l].Fp;
                fn = otherFn - positives + counts[l].Fn;
            }
        }
    }

    private static (long Tp, long Fp, long Fn) Counts(double[] scores, bool[] positive, float threshold)
    {
        long tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var assigned = scores[i] >= threshold;
            if (assigned && positive[i])
                tp++;
            else if (assigned)
                fp++;
            else if (positive[i])
                fn++;
        }
        return (tp, fp, fn);
    }

    /// <summary>
    /// The best cut of a ranking by score. Walking from the highest score down, with every article at or above the cut
    /// assigned, <paramref name="objective"/> of the positives and negatives assigned is taken at each distinct score
    /// (tied articles move together). Returns the best value above <paramref name="baseline"/> and its threshold, midway
    /// to the next lower score (0 below the last); null when no cut beats the baseline.
    /// </summary>
    private static (double Value, float Threshold)? BestCut(double[] scores, bool[] positive, double baseline, Func<long, long, double> objective)
    {
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort(order, (x, y) => scores[y] != scores[x] ? scores[y].CompareTo(scores[x]) : x.CompareTo(y));
        (double Value, float Threshold)? best = null;
        var bestValue = baseline;
        long tp = 0, fp = 0;
        for (var r = 0; r < order.Length; r++)
        {
            if (positive[order[r]])
                tp++;
            else
                fp++;
            if (r + 1 < order.Length && scores[order[r + 1]] == scores[order[r]])
                continue;
            var value = objective(tp, fp);
            if (value > bestValue)
            {
                bestValue = value;
                var next = r + 1 < order.Length ? scores[order[r + 1]] : 0;
                best = (value, (float)((scores[order[r]] + next) / 2));
            }
        }
        return best;
    }
}
