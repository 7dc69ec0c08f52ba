using System.Text;
using ClassifyPipeline.Classification.Stance;

namespace ClassifyPipeline.Tests.Classification.Stance;

/// <summary>Writes FNC-1 format files for a dataset, for the CLI tests.</summary>
public static class StanceFiles
{
    public static void Write(Fnc1Dataset data, string stancesPath, string bodiesPath, bool withStance = true)
    {
        var s = new StringBuilder(withStance ? "Headline,Body ID,Stance\n" : "Headline,Body ID\n");
        foreach (var p in data.Pairs)
        {
            s.Append(StanceCsvWriter.Quote(p.Headline)).Append(',').Append(p.BodyId);
            if (withStance)
                s.Append(',').Append(StanceLabels.Names[p.Stance!.Value]);
            s.Append('\n');
        }
        File.WriteAllText(stancesPath, s.ToString());
        var b = new StringBuilder("Body ID,articleBody\n");
        foreach (var id in data.Pairs.Select(p => p.BodyId).Distinct().Order())
            b.Append(id).Append(',').Append(StanceCsvWriter.Quote(data.Bodies[id])).Append('\n');
        File.WriteAllText(bodiesPath, b.ToString());
    }

    public const string SmallConfig = "{ \"stance\": { \"trees\": 30, \"leaves\": 8, \"minLeafExamples\": 5 } }";
}
