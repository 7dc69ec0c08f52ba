using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Dedup;

/// <summary>What the Dedup stage needs of an article: its id, its time (earlier copies win) and its unit TF-IDF vector.</summary>
public sealed record DedupDocument(string Id, DateTimeOffset? Published, SparseVector Vector);
