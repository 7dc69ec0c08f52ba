using System.Text;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// An RFC 4180 CSV parser: quoted fields may hold commas, doubled quotes and newlines.
/// Each row carries the line number it starts on, so errors can say where.
/// </summary>
public static class CsvParser
{
    public static IEnumerable<CsvRow> Parse(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var inQuotes = false;
        var fieldStarted = false;
        var anyContent = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                        line++;
                    field.Append(ch);
                }
                continue;
            }

            switch (ch)
            {
                case '"' when !fieldStarted:
                    inQuotes = true;
                    fieldStarted = true;
                    anyContent = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    anyContent = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (anyContent || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return new CsvRow(rowStart, fields.ToArray(), Complete: true);
                    }
                    fields.Clear();
                    field.Clear();
                    fieldStarted = false;
                    anyContent = false;
                    line++;
                    rowStart = line;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    anyContent = true;
                    break;
            }
        }

        if (anyContent || field.Length > 0 || inQuotes)
        {
            fields.Add(field.ToString());
            yield return new CsvRow(rowStart, fields.ToArray(), Complete: !inQuotes);
        }
    }
}

/// <summary>One CSV record. <see cref="Complete"/> is false when the input ended inside a quoted field.</summary>
public sealed record CsvRow(int Line, string[] Fields, bool Complete)
{
    /// <summary>Why the record could not be read at all (it is over a size cap), as a rejection reason; null when it was read.</summary>
    public string? Problem { get; init; }
}
