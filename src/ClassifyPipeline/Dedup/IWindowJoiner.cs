using ClassifyPipeline.Corpus;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// How a batch meets the stored documents of its window, for <see cref="StoryStage"/>. Without one the stage joins
/// locally: it loads the window from its session (<see cref="ICorpusSession.LoadWindow"/>) and runs
/// <see cref="WindowJoin"/> over it. A joiner runs the same join where the window lives (a cluster's time-slice
/// grains) and hands back only what the stage needs: the pairs, and the stored documents they reach.
/// <para>
/// The join's documents are the batch's rows and the stored documents whose window time lies in
/// [<see cref="WindowJoinRequest.From"/>, <see cref="WindowJoinRequest.To"/>], whose bag is kept and whose id is not in
/// the batch. A pair is two of them whose cosine (the dot product of their unit TF-IDF vectors under
/// <see cref="WindowJoinRequest.Idf"/>, summed in double precision over their shared terms in ascending id order) is at
/// least the threshold, where at least one is new (<see cref="WindowJoinRow.IsNew"/>), and where both are dated and at
/// most the window apart, or one is undated (a new row without a published time). A joiner returns each pair once,
/// with exactly that cosine (capped at 1), so the stage's stories do not depend on which joiner found them.
/// </para>
/// </summary>
public interface IWindowJoiner
{
    JoinedWindow Join(WindowJoinRequest request, CancellationToken cancellationToken);
}

/// <summary>One batch article as the join sees it.</summary>
/// <param name="Published">Its published instant; null when undated.</param>
/// <param name="WindowTime">The time the window compares: published, else when first stored, else the run's time.</param>
/// <param name="IsNew">Its terms are new to the state (a new or changed article): pairs need at least one new document.</param>
/// <param name="Bag">Its terms (corpus ids).</param>
/// <param name="Stored">What the state holds under its id (replaced in the join by this row), if anything.</param>
public sealed record WindowJoinRow(string Id, DateTimeOffset? Published, DateTimeOffset WindowTime, bool IsNew, TermBag Bag, CorpusDocument? Stored)
{
    /// <summary>A new article without a published time: compared with every document of the join.</summary>
    public bool Undated => IsNew && Published is null;
}

/// <summary>What a joiner is asked: the batch, the stored range it meets, and the weighting (computed once, by the stage).</summary>
/// <param name="Dims">One more than the largest term id.</param>
/// <param name="Progress">Told how many batch documents have been through the join, now and then.</param>
public sealed record WindowJoinRequest(
    ICorpusSession Session,
    IReadOnlyList<WindowJoinRow> Batch,
    DateTimeOffset From,
    DateTimeOffset To,
    IdfWeights Idf,
    int Dims,
    double Threshold,
    TimeSpan Window,
    int MaxDegreeOfParallelism,
    IProgress<int>? Progress);

/// <summary>Two documents of the join (by id, either order) and their cosine.</summary>
public readonly record struct WindowPair(string A, string B, double Cosine);

/// <summary>A joiner's answer: every pair, and the stored documents (with their bags) that some pair reaches.</summary>
public sealed record JoinedWindow(IReadOnlyList<CorpusDocument> Stored, IReadOnlyList<WindowPair> Pairs);
