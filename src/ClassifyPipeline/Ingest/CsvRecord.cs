namespace ClassifyPipeline.Ingest;

/// <summary>One record of a <see cref="CsvTable"/>: its fields by column name, or why it cannot be read.</summary>
public sealed record CsvRecord(int Line, string[] Fields, string? Error, IReadOnlyDictionary<string, int> Header)
{
    /// <summary>The value of the named column, or null when the header has no such column.</summary>
    public string? Field(string name) => Header.TryGetValue(name, out var i) ? Fields[i] : null;
}
