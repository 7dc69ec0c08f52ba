using ClassifyPipeline.IO;

namespace ClassifyPipeline.Classification.Stance;

/// <summary>Writes predictions in the FNC-1 submission format, <c>Headline,Body ID,Stance</c>, RFC 4180 quoting, one row per pair in the order given.</summary>
public static class StanceCsvWriter
{
    public static void Write(TextWriter writer, IReadOnlyList<Fnc1Pair> pairs, IReadOnlyList<string> stances)
    {
        if (pairs.Count != stances.Count)
            throw new ArgumentException($"{pairs.Count} pairs but {stances.Count} stances");
        writer.Write("Headline,Body ID,Stance\n");
        for (var i = 0; i < pairs.Count; i++)
        {
            writer.Write(Quote(pairs[i].Headline));
            writer.Write(',');
            writer.Write(pairs[i].BodyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(Quote(stances[i]));
            writer.Write('\n');
        }
    }

    public static void Write(string path, IReadOnlyList<Fnc1Pair> pairs, IReadOnlyList<string> stances) =>
        AtomicFile.WriteText(path, w => Write(w, pairs, stances));

    internal static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
