namespace ClassifyPipeline.Classification.Stance;

/// <summary>An FNC-1 file that cannot be used: the message names the file, the line and why.</summary>
public sealed class Fnc1FormatException(string path, int? line, string reason)
    : Exception(line is { } l ? $"{path}, line {l}: {reason}" : $"{path}: {reason}")
{
    public string Path { get; } = path;

    public int? Line { get; } = line;

    public string Reason { get; } = reason;
}
