namespace ClassifyPipeline.Tools.Scale;

/// <summary>
/// Re-publication pairs found against a generated corpus's labels: a pair is (copy, the original it copies), the
/// original being the earliest article of the copies' chain in both the labels (<c>duplicateOf</c>, the root) and
/// the run (a copy points at its match's earliest copy). Precision, recall and F1 over those pairs.
/// </summary>
public sealed record RepublicationScore(int Found, int Gold, int Correct)
{
    public double Precision => Found == 0 ? 0 : (double)Correct / Found;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static RepublicationScore Score(IEnumerable<(string Copy, string Original)> found, IReadOnlySet<(string Copy, string Original)> gold)
    {
        var (count, correct) = (0, 0);
        foreach (var pair in found)
        {
            count++;
            if (gold.Contains(pair))
                correct++;
        }
        return new RepublicationScore(count, gold.Count, correct);
    }

    /// <summary>The (copy, original) pairs of a <c>generate corpus</c> labels file (<c>id,story,duplicateOf</c>).</summary>
    public static HashSet<(string Copy, string Original)> ReadGold(string path)
    {
        var pairs = new HashSet<(string, string)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length != 3)
                throw new FormatException($"{path}: expected id,story,duplicateOf, got '{line}'");
            if (fields[2].Length > 0)
                pairs.Add((fields[0], fields[2]));
        }
        return pairs;
    }
}
