namespace ClassifyPipeline.Tools.Corpus;

/// <summary>Where a generated corpus was written: its JSON Lines files (in article order) and the gold labels.</summary>
public sealed record CorpusFiles(IReadOnlyList<string> Parts, string Gold);
