namespace ClassifyPipeline.Classification.Topic;

/// <summary>
/// Calibration of a single-label model (Guo et al. 2017, the multiclass form of Platt scaling): the probability of
/// label l is softmax(a·m)ₗ over the labels' linear scores m, with the one scale a &gt; 0 minimizing the cross-entropy of
/// the true labels. The negative log-likelihood is convex in a, so Newton's method (safeguarded by bisection on the
/// derivative) finds it. Scaling every score alike keeps the top label: only how sure the model says it is changes.
/// </summary>
public static class TemperatureScaling
{
    public const double MinScale = 1e-3;
    public const double MaxScale = 1e3;

    /// <summary>The scale a for the rows of linear scores <paramref name="margins"/> (one array per article) and each article's class index.</summary>
    public static double Fit(IReadOnlyList<double[]> margins, IReadOnlyList<int> classes)
    {
        if (margins.Count != classes.Count)
            throw new ArgumentException("margins and classes differ in length");
        if (margins.Count == 0)
            return 1;
        double lo = MinScale, hi = MaxScale;
        if (Derivatives(margins, classes, hi).Gradient <= 0)
            return hi; // separable: the likelihood keeps rising
        if (Derivatives(margins, classes, lo).Gradient >= 0)
            return lo;
        var a = 1.0;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var (g, h) = Derivatives(margins, classes, a);
            if (Math.Abs(g) < 1e-9 * margins.Count)
                break;
            if (g > 0)
                hi = a;
            else
                lo = a;
            var next = h > 0 ? a - g / h : double.NaN;
            a = next > lo && next < hi ? next : (lo + hi) / 2;
            if (hi - lo < 1e-9 * a)
                break;
        }
        return a;
    }

    /// <summary>The first and second derivative in a of the mean negative log-likelihood Σᵢ [log Σₗ exp(a mᵢₗ) − a mᵢ,yᵢ] / n.</summary>
    private static (double Gradient, double Hessian) Derivatives(IReadOnlyList<double[]> margins, IReadOnlyList<int> classes, double a)
    {
        double g = 0, h = 0;
        for (var i = 0; i < margins.Count; i++)
        {
            var m = margins[i];
            var max = double.NegativeInfinity;
            foreach (var x in m)
                max = Math.Max(max, a * x);
            double sum = 0, mean = 0, square = 0;
            foreach (var x in m)
            {
                var e = Math.Exp(a * x - max);
                sum += e;
                mean += e * x;
                square += e * x * x;
            }
            mean /= sum;
            square /= sum;
            g += mean - m[classes[i]];
            h += square - mean * mean;
        }
        return (g / margins.Count, h / margins.Count);
    }
}
