namespace ClassifyPipeline.Evaluation;

/// <summary>Precision, recall and F1 of one label, and how many gold items carry it.</summary>
public sealed record ClassScore(string Label, long Support, double Precision, double Recall, double F1)
{
    public static ClassScore From(string label, BinaryCounts counts) => new(label, counts.Support, counts.Precision, counts.Recall, counts.F1);
}
