using System.Globalization;
using ClassifyPipeline.Classification.Stance;

namespace ClassifyPipeline.Cli.Commands.Stance;

/// <summary>Writes a <see cref="StanceEvaluation"/> as plain text: scores, per-class table, confusion matrix.</summary>
internal static class StanceReportWriter
{
    public static void Write(TextWriter w, StanceEvaluation e)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine(string.Create(c, $"pairs: {e.Pairs}"));
        w.WriteLine(string.Create(c, $"FNC-1 score: {e.FncRelative:F4} ({e.FncScore:F2} of {e.FncMaxScore:F2})"));
        w.WriteLine(string.Create(c, $"macro-F1: {e.MacroF1:F4}"));
        w.WriteLine(string.Create(c, $"disagree F1: {e.F1(StanceLabels.Disagree):F4}"));
        w.WriteLine(string.Create(c, $"accuracy: {e.Accuracy:F4}"));
        w.WriteLine(string.Create(c, $"{"class",-10} {"support",8} {"precision",9} {"recall",7} {"F1",7}"));
        foreach (var s in e.Classes)
            w.WriteLine(string.Create(c, $"{s.Label,-10} {s.Support,8} {s.Precision,9:F4} {s.Recall,7:F4} {s.F1,7:F4}"));
        w.WriteLine("confusion (rows gold, columns predicted):");
        w.WriteLine(string.Create(c, $"{"",-10} {"agree",9} {"disagree",9} {"discuss",9} {"unrelated",9}"));
        for (var g = 0; g < StanceLabels.Count; g++)
            w.WriteLine(string.Create(c, $"{StanceLabels.Names[g],-10} {e.Confusion[g, 0],9} {e.Confusion[g, 1],9} {e.Confusion[g, 2],9} {e.Confusion[g, 3],9}"));
    }

    /// <summary>The out-of-fold scores of every decision rule: a row per related threshold, a column per disagree boost.</summary>
    public static void WriteGrid(TextWriter w, IReadOnlyList<StanceGridCell> grid)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine("pooled, by relatedThreshold and disagreeBoost (same models, decision only): FNC-1 / macro-F1 / disagree F1");
        var boosts = grid.Select(g => g.DisagreeBoost).Distinct().ToList();
        w.WriteLine("  threshold " + string.Concat(boosts.Select(b => string.Create(c, $"| boost {b,4:F2}            "))));
        foreach (var row in grid.GroupBy(g => g.RelatedThreshold))
        {
            var line = new System.Text.StringBuilder(string.Create(c, $"  {row.Key,9:F2} "));
            foreach (var cell in row)
            {
                var e = cell.Evaluation;
                line.Append(string.Create(c, $"| {e.FncRelative:F4} {e.MacroF1:F4} {e.F1(StanceLabels.Disagree):F3} "));
            }
            w.WriteLine(line.ToString());
        }
    }
}
