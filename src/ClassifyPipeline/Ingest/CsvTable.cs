namespace ClassifyPipeline.Ingest;

/// <summary>
/// A CSV file with a header row, read record by record; fields are looked up by column name (case-insensitive).
/// Shared by every reader of headed CSV, so the header and row checks and their messages are the same everywhere.
/// </summary>
public sealed class CsvTable
{
    public const string NoTextColumn = "the CSV header has no 'text' or 'body' column";

    private readonly IEnumerator<CsvRow> _rows;

    private CsvTable(CsvRow headerRow, Dictionary<string, int> header, IEnumerator<CsvRow> rows)
    {
        HeaderRow = headerRow;
        Header = header;
        _rows = rows;
    }

    /// <summary>Column index by name; a name repeated in the header maps to its first column.</summary>
    public IReadOnlyDictionary<string, int> Header { get; }

    /// <summary>The header row as read: its line number and its fields untrimmed, for error messages.</summary>
    public CsvRow HeaderRow { get; }

    /// <summary>True when the header has a <c>text</c> or <c>body</c> column, as article records need.</summary>
    public bool HasTextColumn => Header.ContainsKey("text") || Header.ContainsKey("body");

    /// <summary>Reads the header row; null when the content holds no row at all.</summary>
    public static CsvTable? Open(string content) => Open(new StringReader(content));

    /// <summary>Reads the header row; null when the reader holds no row at all. The records are read from it lazily.</summary>
    public static CsvTable? Open(TextReader reader) => Open(CsvParser.Parse(reader));

    /// <summary>Reads the header row from rows parsed elsewhere (a streamed file); null when there is no row. The records are read lazily.</summary>
    public static CsvTable? Open(IEnumerable<CsvRow> parsedRows)
    {
        var rows = parsedRows.GetEnumerator();
        if (!rows.MoveNext())
            return null;
        var header = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var names = rows.Current.Fields;
        for (var i = 0; i < names.Length; i++)
            header.TryAdd(names[i].Trim(), i);
        return new CsvTable(rows.Current, header, rows);
    }

    /// <summary>The records after the header, once; a record that cannot be read carries the reason in <see cref="CsvRecord.Error"/>.</summary>
    public IEnumerable<CsvRecord> Records()
    {
        while (_rows.MoveNext())
        {
            var row = _rows.Current;
            var error = row.Problem
                ?? (!row.Complete ? "unterminated quoted field at end of file"
                : row.Fields.Length != HeaderRow.Fields.Length ? $"expected {HeaderRow.Fields.Length} fields as in the header, found {row.Fields.Length}"
                : null);
            yield return new CsvRecord(row.Line, row.Fields, error, Header);
        }
    }
}
