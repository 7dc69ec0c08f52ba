namespace ClassifyPipeline.Cluster.Model;

/// <summary>One batch's changes to one slice grain, applied in this order.</summary>
/// <param name="Upserts">Documents stored here, new or replaced (a document already here keeps its edges).</param>
/// <param name="Deletes">Documents that moved to another slice (with their edges).</param>
/// <param name="Stories">Story (and duplicate) changes of documents already stored.</param>
/// <param name="RemoveEdges">Edge ends to delete.</param>
/// <param name="AddEdges">Edge ends to add or update.</param>
/// <param name="ReleaseBeforeTicks">Documents before this let go of their bags, and edges with both ends before it go.</param>
[GenerateSerializer, Immutable]
public sealed record SliceChanges(
    DocRecord[] Upserts,
    string[] Deletes,
    StoryChange[] Stories,
    EdgeKey[] RemoveEdges,
    EdgeAdd[] AddEdges,
    long? ReleaseBeforeTicks);

/// <summary>A stored document's new story; with <paramref name="SetDuplicate"/>, its duplicate status too.</summary>
[GenerateSerializer, Immutable]
public sealed record StoryChange(string Id, string StoryId, bool SetDuplicate, string? DuplicateOf, double? DuplicateSimilarity);

/// <summary>One end of an edge: held by <paramref name="Id"/>'s grain.</summary>
[GenerateSerializer, Immutable]
public readonly record struct EdgeKey(string Id, string Other);

/// <summary>One end of an edge to add: the other end's window time decides when the edge is out of reach.</summary>
/// <param name="IsFrom">This end is the edge's first (earlier) document.</param>
[GenerateSerializer, Immutable]
public readonly record struct EdgeAdd(string Id, string Other, double Cosine, long OtherWindowTicks, bool IsFrom);

/// <summary>A stored edge end, kept with its document.</summary>
[GenerateSerializer]
public readonly record struct EdgeEnd(double Cosine, long OtherWindowTicks, bool IsFrom);

/// <summary>A stored edge, its earlier end first.</summary>
[GenerateSerializer, Immutable]
public readonly record struct EdgeRecord(string From, string To, double Cosine);
