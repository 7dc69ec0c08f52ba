using ClassifyPipeline.Articles;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Dedup;

/// <summary>
/// The Dedup stage. Documents are put in canonical order (published time, then id), so results do not
/// depend on input order. Pairs above the story threshold within the time window are found, with their exact
/// cosine, by the indexed <see cref="SimilarityJoin"/> (not all pairs); a later article
/// whose best earlier match reaches the duplicate threshold is a re-publication of that match's earliest
/// copy; stories are average-linkage clusters over the same edges.
/// </summary>
public sealed class Deduplicator(DedupOptions options)
{
    /// <param name="probed">Told how many documents the similarity join has done (<see cref="SimilarityJoin.Find"/>).</param>
    public DedupResult Run(IReadOnlyList<DedupDocument> documents, TfIdfModel model, IProgress<int>? probed = null, CancellationToken cancellationToken = default)
    {
        var docs = documents.OrderBy(d => d.Published ?? DateTimeOffset.MaxValue).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        var vectors = docs.Select(d => d.Vector).ToList();
        var pairs = SimilarityJoin.Find(
            vectors,
            Math.Min(options.StoryThreshold, options.DuplicateThreshold),
            WindowStarts(docs),
            options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : -1,
            probed,
            cancellationToken);

        var duplicateOf = FindDuplicates(vectors, pairs);
        var labels = AverageLinkageClustering.Cluster(docs.Count, pairs, options.StoryThreshold);

        var bestInStory = new double?[docs.Count];
        var edgesByStory = new Dictionary<int, List<SimilarityEdge>>();
        foreach (var (i, j, cosine) in pairs)
        {
            if (labels[i] != labels[j])
                continue;
            bestInStory[i] = Math.Max(bestInStory[i] ?? 0, cosine);
            bestInStory[j] = Math.Max(bestInStory[j] ?? 0, cosine);
            var tier = cosine >= options.DuplicateThreshold ? EdgeTier.Duplicate : EdgeTier.Story;
            var edge = new SimilarityEdge(docs[i].Id, docs[j].Id, cosine, tier, SharedTerms(vectors[i], vectors[j], model));
            if (!edgesByStory.TryGetValue(labels[i], out var list))
                edgesByStory[labels[i]] = list = [];
            list.Add(edge);
        }

        var stories = new List<Story>();
        var storyIds = new Dictionary<int, string>();
        foreach (var group in Enumerable.Range(0, docs.Count).GroupBy(i => labels[i]))
        {
            var lead = docs[group.Key].Id;
            var id = "s" + ArticleIds.ShortHash(lead);
            storyIds[group.Key] = id;
            stories.Add(new Story(id, lead, group.Select(i => docs[i].Id).ToList(), edgesByStory.GetValueOrDefault(group.Key) ?? []));
        }

        var assignments = new List<DedupAssignment>(docs.Count);
        for (var i = 0; i < docs.Count; i++)
        {
            var dup = duplicateOf[i];
            assignments.Add(new DedupAssignment(docs[i].Id, storyIds[labels[i]], dup?.Index is { } d ? docs[d].Id : null, dup?.Cosine, bestInStory[i]));
        }
        return new DedupResult(assignments, stories);
    }

    /// <summary>
    /// For each document (in canonical order), the first earlier one within <see cref="DedupOptions.WindowDays"/> of it.
    /// Undated documents come last and reach back to the first, so they are compared with every document.
    /// </summary>
    private int[] WindowStarts(List<DedupDocument> docs)
    {
        var window = TimeSpan.FromDays(options.WindowDays);
        var starts = new int[docs.Count];
        var first = 0;
        for (var j = 0; j < docs.Count; j++)
        {
            if (docs[j].Published is not { } published)
                break; // undated: start 0
            while (published - docs[first].Published!.Value > window)
                first++;
            starts[j] = first;
        }
        return starts;
    }

    /// <summary>For each document, its earliest copy and the cosine to it, when its best earlier match is a duplicate.</summary>
    private (int Index, double Cosine)?[] FindDuplicates(IReadOnlyList<SparseVector> vectors, List<(int I, int J, double Cosine)> pairs)
    {
        var count = vectors.Count;
        var best = new (int Index, double Cosine)?[count];
        foreach (var (i, j, cosine) in pairs)
        {
            if (cosine >= options.DuplicateThreshold && (best[j] is null || cosine > best[j]!.Value.Cosine))
                best[j] = (i, cosine);
        }
        var result = new (int Index, double Cosine)?[count];
        for (var j = 0; j < count; j++)
        {
            if (best[j] is not { } match)
                continue;
            // matches are earlier documents, so the match's own earliest copy is already resolved
            var root = result[match.Index]?.Index ?? match.Index;
            result[j] = (root, root == match.Index ? match.Cosine : Math.Min(1.0, vectors[root].Dot(vectors[j])));
        }
        return result;
    }

    private IReadOnlyList<string> SharedTerms(SparseVector a, SparseVector b, TfIdfModel model) =>
        a.Shared(b)
            .OrderByDescending(s => s.Contribution)
            .ThenBy(s => s.Index)
            .Take(options.SharedTermsPerEdge)
            .Select(s => model.Terms[s.Index])
            .ToList();
}
