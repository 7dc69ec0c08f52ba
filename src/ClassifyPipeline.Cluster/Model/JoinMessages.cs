namespace ClassifyPipeline.Cluster.Model;

/// <summary>A batch article placed in its home grain for the join: indexed there beside the stored documents.</summary>
/// <param name="PublishedTicks">Its published instant (UTC ticks); null when undated.</param>
/// <param name="IsNew">Its terms are new to the state; an unchanged article is indexed like a stored one.</param>
[GenerateSerializer, Immutable]
public sealed record StagedDoc(string Id, long WindowTicks, long? PublishedTicks, bool IsNew, byte[] Bag);

/// <summary>A new batch article sent to the grains it may pair with.</summary>
/// <param name="Undated">Compared with every document of the join (stored ones within the batch's stored range).</param>
[GenerateSerializer, Immutable]
public sealed record ProbeDoc(string Id, long WindowTicks, bool Undated, byte[] Bag);

/// <summary>What a join compares, the same for every grain of a batch.</summary>
/// <param name="Idf">The batch's term weights by id, computed once by the coordinator.</param>
/// <param name="WindowTicks">Dated documents further apart than this are not compared.</param>
/// <param name="FromTicks">Stored documents compared with undated probes lie in [from, to].</param>
[GenerateSerializer, Immutable]
public sealed record JoinSettings(float[] Idf, bool SublinearTf, double Threshold, long WindowTicks, long FromTicks, long ToTicks);

/// <summary>A pair found by a grain: an indexed document, the probe, and their cosine.</summary>
[GenerateSerializer, Immutable]
public readonly record struct FoundPair(string Indexed, string Probe, double Cosine);

/// <summary>A grain's answer to a chunk of probes: the pairs, and the stored documents they reach (with their bags).</summary>
[GenerateSerializer, Immutable]
public sealed record ProbeAnswer(FoundPair[] Pairs, DocRecord[] Reached);
