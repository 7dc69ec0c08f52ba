namespace ClassifyPipeline.Classification.Stance;

/// <summary>
/// Scores of predicted stances against gold ones: the FNC-1 relative score (0.25 for getting related vs
/// unrelated right, and a related pair with the exact label scores 1.0 in all; divided by the best
/// possible), accuracy, per-class precision/recall/F1, macro-F1 over the four classes and the confusion
/// matrix (rows gold, columns predicted, in <see cref="StanceLabels"/> order).
/// </summary>
public sealed record StanceEvaluation(
    int Pairs,
    double FncScore,
    double FncMaxScore,
    double Accuracy,
    IReadOnlyList<ClassScores> Classes,
    double MacroF1,
    int[][] Confusion)
{
    public double FncRelative => FncMaxScore == 0 ? 0 : FncScore / FncMaxScore;

    public double F1(int stance) => Classes[stance].F1;

    public static StanceEvaluation Compute(IReadOnlyList<int> gold, IReadOnlyList<int> predicted)
    {
        if (gold.Count != predicted.Count)
            throw new ArgumentException($"{gold.Count} gold labels but {predicted.Count} predictions");
        var confusion = new int[StanceLabels.Count][];
        for (var i = 0; i < confusion.Length; i++)
            confusion[i] = new int[StanceLabels.Count];
        double score = 0, best = 0;
        var correct = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            int g = gold[i], p = predicted[i];
            confusion[g][p]++;
            var goldRelated = g != StanceLabels.Unrelated;
            var predictedRelated = p != StanceLabels.Unrelated;
            best += goldRelated ? 1.0 : 0.25;
            if (goldRelated == predictedRelated)
                score += 0.25;
            if (goldRelated && g == p)
                score += 0.75;
            if (g == p)
                correct++;
        }

        var classes = new ClassScores[StanceLabels.Count];
        for (var c = 0; c < StanceLabels.Count; c++)
        {
            var tp = confusion[c][c];
            var goldCount = confusion[c].Sum();
            var predictedCount = confusion.Sum(row => row[c]);
            var precision = predictedCount == 0 ? 0 : (double)tp / predictedCount;
            var recall = goldCount == 0 ? 0 : (double)tp / goldCount;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            classes[c] = new ClassScores(StanceLabels.Names[c], goldCount, precision, recall, f1);
        }
        return new StanceEvaluation(gold.Count, score, best, gold.Count == 0 ? 0 : (double)correct / gold.Count, classes, classes.Average(c => c.F1), confusion);
    }
}

public sealed record ClassScores(string Stance, int Support, double Precision, double Recall, double F1);
