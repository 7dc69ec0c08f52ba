using ClassifyPipeline.Classification.Stance;
using Xunit;

namespace ClassifyPipeline.Tests.Classification.Stance;

public sealed class StanceEvaluationTests
{
    private const int A = StanceLabels.Agree, D = StanceLabels.Disagree, S = StanceLabels.Discuss, U = StanceLabels.Unrelated;

    [Fact]
    public void Compute_HandExample_FncScoreAndF1()
    {
        // gold:      A  A  D  S  U  U
        // predicted: A  S  U  S  U  A
        // scores:    1 .25  0  1 .25 0  = 2.5; best = 1+1+1+1+.25+.25 = 4.5
        int[] gold = [A, A, D, S, U, U];
        int[] predicted = [A, S, U, S, U, A];
        var e = StanceEvaluation.Compute(gold, predicted);

        Assert.Equal(2.5, e.FncScore, 10);
        Assert.Equal(4.5, e.FncMaxScore, 10);
        Assert.Equal(2.5 / 4.5, e.FncRelative, 10);
        Assert.Equal(3.0 / 6, e.Accuracy, 10);
        // agree: tp 1, predicted 2, gold 2 → P .5 R .5 F1 .5; disagree: 0; discuss: tp 1, predicted 2, gold 1 → F1 2/3; unrelated: tp 1, predicted 2, gold 2 → .5
        Assert.Equal(0.5, e.F1(A), 10);
        Assert.Equal(0.0, e.F1(D), 10);
        Assert.Equal(2.0 / 3, e.F1(S), 10);
        Assert.Equal(0.5, e.F1(U), 10);
        Assert.Equal((0.5 + 0 + 2.0 / 3 + 0.5) / 4, e.MacroF1, 10);
        Assert.Equal(1, e.Confusion[A, S]);
        Assert.Equal(1, e.Confusion[D, U]);
        Assert.Equal(1, e.Confusion[U, A]);
    }

    [Fact]
    public void Compute_AllRight_RelativeScoreIsOne()
    {
        int[] gold = [A, D, S, U];
        var e = StanceEvaluation.Compute(gold, gold);
        Assert.Equal(1.0, e.FncRelative, 10);
        Assert.Equal(1.0, e.MacroF1, 10);
    }
}
