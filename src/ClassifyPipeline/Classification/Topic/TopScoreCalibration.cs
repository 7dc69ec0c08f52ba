namespace ClassifyPipeline.Classification.Topic;

/// <summary>
/// The second calibration step of a single-label model (see <see cref="TopicModel.TopScale"/>): Platt scaling of the
/// logit of the top softmax probability against whether the top label was right, on out-of-fold scores.
/// </summary>
public static class TopScoreCalibration
{
    /// <summary>(a, b) for rows of out-of-fold margins, their classes and the fitted softmax scale; (1, 0) when the fit does not rise.</summary>
    public static (float Scale, float Offset) Fit(IReadOnlyList<double[]> margins, IReadOnlyList<int> classes, double scale)
    {
        var logits = new double[margins.Count];
        var right = new bool[margins.Count];
        for (var i = 0; i < margins.Count; i++)
        {
            var m = margins[i];
            var top = 0;
            for (var l = 1; l < m.Length; l++)
            {
                if (m[l] > m[top])
                    top = l;
            }
            double sum = 0;
            foreach (var x in m)
                sum += Math.Exp(scale * (x - m[top]));
            var p = Math.Clamp(1 / sum, 1e-9, 1 - 1e-9);
            logits[i] = Math.Log(p / (1 - p));
            right[i] = top == classes[i];
        }
        if (right.All(r => r) || !right.Any(r => r))
            return (1, 0);
        var (a, b) = PlattScaling.Fit(logits, right);
        return a > 0 && double.IsFinite(a) && double.IsFinite(b) ? ((float)a, (float)b) : (1, 0);
    }
}
