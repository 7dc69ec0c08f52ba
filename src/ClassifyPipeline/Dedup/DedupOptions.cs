using System.ComponentModel.DataAnnotations;

namespace ClassifyPipeline.Dedup;

/// <summary>The <c>dedup</c> section of pipeline.json.</summary>
public sealed class DedupOptions
{
    /// <summary>
    /// Cosine at or above which a later article is a re-publication of an earlier one (<c>duplicateOf</c>).
    /// 0.7: precision 0.995 / recall 0.990 on the generated re-publication set (README, "Near-duplicates and stories").
    /// </summary>
    [Range(0.0, 1.0)]
    public double DuplicateThreshold { get; set; } = 0.7;

    /// <summary>
    /// Share of the smaller body's word 5-grams (<see cref="TextSketch"/>) that a pair at or above
    /// <see cref="DuplicateThreshold"/> must have in common to be a re-publication: the same text, lightly edited,
    /// not a rewrite on the same story that shares some sentences. Checked only for pairs whose two articles are both
    /// in the batch (stored articles keep no shingles: across batches of a state the cosine alone decides).
    /// 0.65: re-publication pair F1 0.947 (P 0.907, R 0.991) on a 20k generated corpus against 0.847 with the cosine
    /// alone (docs/experiments/2026-12-05-dup-tier.md). Null: the cosine alone decides everywhere (as before 2026-12-05).
    /// </summary>
    [Range(0.0, 1.0)]
    public double? DuplicateContainment { get; set; } = 0.65;

    /// <summary>
    /// Average cosine between two groups at or above which they are merged into one story.
    /// 0.1875 (with title weight 2 and <see cref="LinkThreshold"/> 0.10): pairwise F1 0.911, ARI 0.910 on the FNC-1
    /// development stories, in a plateau of 0.906–0.914 from 0.175 to 0.20, chosen by the sweep's cross-validation (docs/stories.md).
    /// </summary>
    [Range(0.0, 1.0)]
    public double StoryThreshold { get; set; } = 0.1875;

    /// <summary>
    /// Cosine at or above which a pair's similarity counts in the average linkage of stories; weaker pairs count 0.
    /// The join finds every pair down to the lowest of this and the two thresholds above, so below
    /// <see cref="StoryThreshold"/> it buys averages closer to the full similarity matrix's at the cost of more pairs.
    /// Edges below <see cref="StoryThreshold"/> are never shown in stories.jsonl. Null: the story threshold itself.
    /// 0.10: closer to average linkage over the full matrix, which flattens F1 around the story threshold (docs/stories.md).
    /// </summary>
    [Range(0.0, 1.0)]
    public double? LinkThreshold { get; set; } = 0.10;

    /// <summary>
    /// Local scaling of the linkage (<see cref="LocalScaling"/>): how many nearest neighbours set an article's scale σ
    /// (the cosine of its k-th nearest neighbour), so a pair counts with cosine · (<see cref="LocalScalingReference"/> /
    /// √(σᵢσⱼ))^<see cref="LocalScalingExponent"/>. 0: off, the cosine counts as it is. 3 (with exponent 0.5 and
    /// reference 0.37): pairwise F1 0.931 against 0.911 at the story threshold 0.1875 on the FNC-1 development stories,
    /// every one of five half-size subsets better (docs/experiments/2026-12-05-stories-adaptive.md).
    /// </summary>
    [Range(0, 50)]
    public int LocalScalingNeighbors { get; set; } = 3;

    /// <summary>How strongly the local scale moves a pair's weight (0: not at all; 1: cosine / √(σᵢσⱼ), fully relative).</summary>
    [Range(0.0, 2.0)]
    public double LocalScalingExponent { get; set; } = 0.5;

    /// <summary>
    /// The scale at which a pair keeps its cosine (about the median article's k-th neighbour cosine: 0.37 on the FNC-1
    /// bodies); a fixed number, not measured per run, so the weights never depend on the batch.
    /// </summary>
    [Range(0.01, 1.0)]
    public double LocalScalingReference { get; set; } = 0.37;

    /// <summary>
    /// The most pairs an article keeps with the articles before it (in time order; undated ones last): of the pairs the
    /// join finds at or above the link threshold it keeps those with the highest cosine (ties: the earlier article),
    /// so the edges held (graph, clustering, stored edges) are at most this many per article however dense the
    /// window is (<see cref="NeighborCap"/>). Pairs left out count 0 in the average linkage, like pairs below the
    /// link threshold, and do not count in the local scale. 0: every pair is kept (as before 2026-12-06).
    /// 40: the FNC-1 development stories unchanged (F1 0.931 with and without), the dense generated d100k's stories
    /// better (F1 0.337 → 0.357), 3.1× fewer pairs there; 30 already costs 3 points on FNC-1
    /// (docs/experiments/2026-12-06-perf-bound.md).
    /// </summary>
    [Range(0, 100_000)]
    public int MaxNeighbors { get; set; } = 40;

    /// <summary>
    /// Articles whose published times lie further apart than this many days are never compared, within a batch and,
    /// with <c>--state</c>, across batches. Articles without a published time are compared with every article.
    /// </summary>
    [Range(0.0, 36500.0)]
    public double WindowDays { get; set; } = 7;

    /// <summary>
    /// With <c>--state</c>: the IDF is frozen per window epoch (<see cref="Corpus.IdfEpoch"/>): every batch weighs new
    /// and stored articles with the document frequencies of the epoch's fit, so the cosines of stored edges and of the
    /// batch's new edges are on one scale. A batch fits a new epoch (over the stored documents and itself) when the
    /// documents added since the last fit, itself included, exceed this fraction of the documents the epoch was fitted
    /// on; the first batch of a state always fits. Stored edges keep the cosines they were found with. Terms the epoch
    /// has not seen weigh as terms of one document. 0: refit every batch that adds a document (as before 2026-12-06).
    /// A run without <c>--state</c> is one batch and one fit: not affected. Default 0: on the first 100k articles of the
    /// 60-day corpus in five 20k batches, 0.5 agrees with one run at ARI 0.974 against 0.980 refitting every batch, the
    /// same gold F1 (0.3574 / 0.3575), no faster (docs/experiments/2026-12-06-daily-batches.md).
    /// </summary>
    [Range(0.0, 1000.0)]
    public double IdfRefreshFraction { get; set; }

    /// <summary>How many of the terms that contributed most to a match are kept with each edge.</summary>
    [Range(0, 50)]
    public int SharedTermsPerEdge { get; set; } = 5;

    /// <summary>Threads used by the similarity join; -1 (or 0) uses all cores. Results do not depend on it.</summary>
    [Range(-1, 1024)]
    public int MaxDegreeOfParallelism { get; set; } = -1;
}
