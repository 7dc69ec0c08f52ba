namespace ClassifyPipeline.Corpus;

/// <summary>A stored similarity edge: two documents (<paramref name="From"/> first in canonical order) and their cosine.</summary>
public sealed record CorpusEdge(string From, string To, double Cosine);
