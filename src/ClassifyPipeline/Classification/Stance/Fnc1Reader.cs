using System.Globalization;
using System.Text;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Ingest;

namespace ClassifyPipeline.Classification.Stance;

/// <summary>
/// Reads the FNC-1 files: a stances CSV (<c>Headline,Body ID[,Stance]</c>) and a bodies CSV
/// (<c>Body ID,articleBody</c>), RFC 4180 (quoted fields may hold newlines). Anything that would make
/// the pairs wrong is an error naming the file and line: a header that is not FNC-1's, a row with the
/// wrong number of fields, a Body ID that is not a number, a duplicate body id, a Body ID with no body,
/// an unknown stance label, a quoted field left open at the end of the file.
/// </summary>
public static class Fnc1Reader
{
    public static Fnc1Dataset Read(string stancesPath, string bodiesPath, bool requireStances = false)
    {
        var bodies = ReadBodies(bodiesPath);
        using var reader = Open(stancesPath);
        return ReadStances(reader, stancesPath, bodies, requireStances);
    }

    public static IReadOnlyDictionary<int, string> ReadBodies(string path)
    {
        using var reader = Open(path);
        return ReadBodies(reader, path);
    }

    public static IReadOnlyDictionary<int, string> ReadBodies(TextReader reader, string name)
    {
        var bodies = new Dictionary<int, string>();
        foreach (var body in BodyRows(reader, name))
            bodies[body.Id] = body.Text;
        return bodies;
    }

    /// <summary>
    /// The bodies as articles, in file order: id = Body ID, body = articleBody, title = the body's first line. The bodies
    /// have no headline; marking the first line as the title keeps the cleaner's title picker from choosing a later line
    /// and dropping the lines above it, so every line is analyzed once.
    /// </summary>
    public static List<Article> ReadBodyArticles(TextReader reader, string name)
    {
        var articles = new List<Article>();
        foreach (var body in BodyRows(reader, name))
        {
            var title = body.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            articles.Add(new Article(body.IdText, "fnc1", null, title, body.Text, null));
        }
        return articles;
    }

    /// <summary>The bodies in file order, every row checked; <c>IdText</c> is the Body ID as written (trimmed).</summary>
    private static IEnumerable<(int Id, string IdText, string Text)> BodyRows(TextReader reader, string name)
    {
        var firstLine = new Dictionary<int, int>();
        var header = true;
        foreach (var row in CsvParser.Parse(reader))
        {
            CheckComplete(row, name);
            if (header)
            {
                CheckHeader(row, name, ["Body ID", "articleBody"], optionalLast: false);
                header = false;
                continue;
            }
            if (row.Fields.Length != 2)
                throw new Fnc1FormatException(name, row.Line, $"expected 2 fields (Body ID,articleBody), found {row.Fields.Length}");
            var id = ParseId(row.Fields[0], name, row.Line);
            if (firstLine.TryGetValue(id, out var earlier))
                throw new Fnc1FormatException(name, row.Line, $"duplicate Body ID {id} (first on line {earlier})");
            firstLine[id] = row.Line;
            yield return (id, row.Fields[0].Trim(), row.Fields[1]);
        }
        if (header)
            throw new Fnc1FormatException(name, null, "empty file: expected the header 'Body ID,articleBody'");
    }

    public static Fnc1Dataset ReadStances(TextReader reader, string name, IReadOnlyDictionary<int, string> bodies, bool requireStances = false)
    {
        var pairs = new List<Fnc1Pair>();
        bool? hasStances = null;
        foreach (var row in CsvParser.Parse(reader))
        {
            CheckComplete(row, name);
            if (hasStances is null)
            {
                hasStances = CheckHeader(row, name, ["Headline", "Body ID", "Stance"], optionalLast: !requireStances);
                continue;
            }
            var expected = hasStances.Value ? 3 : 2;
            if (row.Fields.Length != expected)
                throw new Fnc1FormatException(name, row.Line, $"expected {expected} fields, found {row.Fields.Length}");
            var id = ParseId(row.Fields[1], name, row.Line);
            if (!bodies.ContainsKey(id))
                throw new Fnc1FormatException(name, row.Line, $"Body ID {id} has no body in the bodies file");
            int? stance = null;
            if (hasStances.Value)
            {
                var index = StanceLabels.IndexOf(row.Fields[2]);
                if (index < 0)
                    throw new Fnc1FormatException(name, row.Line, $"unknown stance '{row.Fields[2]}' (expected agree, disagree, discuss or unrelated)");
                stance = index;
            }
            pairs.Add(new Fnc1Pair(row.Fields[0], id, stance, row.Line));
        }
        if (hasStances is null)
            throw new Fnc1FormatException(name, null, "empty file: expected the header 'Headline,Body ID,Stance'");
        return new Fnc1Dataset(pairs, bodies, hasStances.Value);
    }

    /// <summary>Body ids, one per line (blank lines skipped), as in the FNC-1 split files.</summary>
    public static IReadOnlySet<int> ReadIds(string path)
    {
        if (!File.Exists(path))
            throw new Fnc1FormatException(path, null, "file not found");
        var ids = new HashSet<int>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            var trimmed = text.Trim();
            if (trimmed.Length == 0)
                continue;
            ids.Add(ParseId(trimmed, path, line));
        }
        return ids;
    }

    private static StreamReader Open(string path)
    {
        if (!File.Exists(path))
            throw new Fnc1FormatException(path, null, "file not found");
        return new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
    }

    private static void CheckComplete(CsvRow row, string name)
    {
        if (!row.Complete)
            throw new Fnc1FormatException(name, row.Line, "a quoted field starting on this line is never closed");
    }

    /// <returns>True when the optional last column is present.</returns>
    private static bool CheckHeader(CsvRow row, string name, string[] expected, bool optionalLast)
    {
        var fields = row.Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToArray();
        var full = fields.SequenceEqual(expected, StringComparer.Ordinal);
        if (full)
            return true;
        if (optionalLast && fields.SequenceEqual(expected[..^1], StringComparer.Ordinal))
            return false;
        var wanted = optionalLast ? $"'{string.Join(",", expected)}' or '{string.Join(",", expected[..^1])}'" : $"'{string.Join(",", expected)}'";
        throw new Fnc1FormatException(name, row.Line, $"not an FNC-1 header: expected {wanted}, found '{string.Join(",", row.Fields)}'");
    }

    private static int ParseId(string text, string name, int line) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new Fnc1FormatException(name, line, $"Body ID '{text}' is not a non-negative whole number");
}
