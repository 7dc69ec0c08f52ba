namespace ClassifyPipeline.Ingest;

/// <summary>An input file read twice in one run gave different articles the second time: it changed in between.</summary>
public sealed class InputChangedException(string message) : IOException(message);
