namespace ClassifyPipeline.Classification.Topic;

/// <summary>
/// Platt scaling (Platt 1999) as made robust by Lin, Lin &amp; Weng (2007): the probability that a binary label
/// holds is σ(a·m + b) for a linear score m, with a and b minimizing the cross-entropy against Platt's smoothed targets
/// ((N₊ + 1)/(N₊ + 2) for positives, 1/(N₋ + 2) for negatives, which keeps separable data from driving a to infinity),
/// by Newton's method with a backtracking line search. Fit on out-of-fold scores, never on the scores of the training
/// articles themselves, which are too confident.
/// </summary>
public static class PlattScaling
{
    /// <summary>The (a, b) of σ(a·m + b) for the scores <paramref name="margins"/> and their labels; (1, 0) when there is nothing to fit.</summary>
    public static (double A, double B) Fit(IReadOnlyList<double> margins, IReadOnlyList<bool> positive)
    {
        if (margins.Count != positive.Count)
            throw new ArgumentException("margins and labels differ in length");
        var n = margins.Count;
        var prior1 = positive.Count(p => p);
        var prior0 = n - prior1;
        if (n == 0)
            return (1, 0);
        var hiTarget = (prior1 + 1.0) / (prior1 + 2.0);
        var loTarget = 1 / (prior0 + 2.0);
        var t = new double[n];
        for (var i = 0; i < n; i++)
            t[i] = positive[i] ? hiTarget : loTarget;

        // Lin et al. minimize over p = 1/(1 + exp(A m + B)); here A = -a, B = -b.
        double a = 0, b = Math.Log((prior0 + 1.0) / (prior1 + 1.0));
        const double sigma = 1e-12;
        const double minStep = 1e-10;
        var f = Objective(margins, t, a, b);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
            for (var i = 0; i < n; i++)
            {
                var fApB = margins[i] * a + b;
                double p, q;
                if (fApB >= 0)
                {
                    p = Math.Exp(-fApB) / (1 + Math.Exp(-fApB));
                    q = 1 / (1 + Math.Exp(-fApB));
                }
                else
                {
                    p = 1 / (1 + Math.Exp(fApB));
                    q = Math.Exp(fApB) / (1 + Math.Exp(fApB));
                }
                var d2 = p * q;
                h11 += margins[i] * margins[i] * d2;
                h22 += d2;
                h21 += margins[i] * d2;
                var d1 = t[i] - p;
                g1 += margins[i] * d1;
                g2 += d1;
            }
            if (Math.Abs(g1) < 1e-5 && Math.Abs(g2) < 1e-5)
                break;
            var det = h11 * h22 - h21 * h21;
            var dA = -(h22 * g1 - h21 * g2) / det;
            var dB = -(-h21 * g1 + h11 * g2) / det;
            var gd = g1 * dA + g2 * dB;
            var step = 1.0;
            while (step >= minStep)
            {
                var newA = a + step * dA;
                var newB = b + step * dB;
                var newF = Objective(margins, t, newA, newB);
                if (newF < f + 1e-4 * step * gd)
                {
                    a = newA;
                    b = newB;
                    f = newF;
                    break;
                }
                step /= 2;
            }
            if (step < minStep)
                break;
        }
        return (-a, -b);
    }

    /// <summary>σ(a·m + b), computed without overflow.</summary>
    public static double Probability(double margin, double a, double b) => Sigmoid(a * margin + b);

    internal static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    private static double Objective(IReadOnlyList<double> margins, double[] t, double a, double b)
    {
        double f = 0;
        for (var i = 0; i < t.Length; i++)
        {
            var fApB = margins[i] * a + b;
            f += fApB >= 0
                ? t[i] * fApB + Math.Log(1 + Math.Exp(-fApB))
                : (t[i] - 1) * fApB + Math.Log(1 + Math.Exp(fApB));
        }
        return f;
    }
}
