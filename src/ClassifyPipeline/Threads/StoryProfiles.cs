using ClassifyPipeline.Corpus;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Threads;

/// <summary>
/// Builds the summary of every story a batch touched (<see cref="StorySummary"/>): its profile is the sum of its batch
/// articles' unit TF-IDF vectors (document frequencies over the stored corpus and the batch) plus, for members stored
/// earlier and not in the batch, the stored profiles of the story and of the stories merged into it, weighted by how
/// many such members there are; the heaviest <see cref="ThreadOptions.ProfileTerms"/> terms are kept, at unit length.
/// </summary>
internal static class StoryProfiles
{
    /// <param name="storedDf">Document frequency by term of the stored corpus, and its document count (empty without a state).</param>
    public static List<StorySummary> Build(
        IReadOnlyList<BatchDocument> batch,
        IReadOnlyList<string?> localTerms,
        (IReadOnlyDictionary<string, long> Df, long Documents) storedDf,
        DedupResult dedup,
        IReadOnlyDictionary<string, StorySummary> stored,
        ThreadOptions options,
        VectorizeOptions vectorize)
    {
        var df = new long[localTerms.Count];
        var ids = new int[localTerms.Count];
        var counts = new int[localTerms.Count];
        foreach (var d in batch)
        {
            var n = d.Bag.Count;
            if (ids.Length < n)
                (ids, counts) = (new int[n], new int[n]);
            d.Bag.CopyTo(ids, counts);
            for (var k = 0; k < n; k++)
                df[ids[k]]++;
        }
        for (var t = 0; t < df.Length; t++)
        {
            if (localTerms[t] is { } term && storedDf.Df.TryGetValue(term, out var more))
                df[t] += more;
        }
        var idf = IdfWeights.Fit(df, batch.Count + storedDf.Documents, vectorize);

        var byId = new Dictionary<string, BatchDocument>(batch.Count, StringComparer.Ordinal);
        foreach (var d in batch)
            byId[d.Id] = d;
        var mergedInto = (dedup.MergedStories ?? new Dictionary<string, string>())
            .GroupBy(p => p.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Key).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        var result = new StorySummary[dedup.Stories.Count];
        Parallel.For(0, dedup.Stories.Count, i =>
        {
            var story = dedup.Stories[i];
            var members = story.Members.Where(byId.ContainsKey).Select(m => byId[m]).ToList();
            var folded = new[] { story.Id }.Concat(mergedInto.GetValueOrDefault(story.Id) ?? [])
                .Select(s => stored.GetValueOrDefault(s)).OfType<StorySummary>().ToList();
            var storedOnly = story.Members.Count - members.Count;
            if (storedOnly <= 0)
                folded.Clear();
            result[i] = Summarize(story, members, folded, storedOnly, idf, localTerms, options.ProfileTerms);
        });
        return [.. result];
    }

    private static StorySummary Summarize(Story story, List<BatchDocument> members, List<StorySummary> folded, int storedOnly, IdfWeights idf, IReadOnlyList<string?> localTerms, int keep)
    {
        var sum = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var d in members)
        {
            var v = idf.Vector(d.Bag);
            for (var k = 0; k < v.Count; k++)
            {
                if (localTerms[v.Indices[k]] is { } term)
                    sum[term] = sum.GetValueOrDefault(term) + v.Values[k];
            }
        }
        var foldedSize = folded.Sum(s => (double)s.Size);
        foreach (var s in folded)
        {
            var weight = storedOnly * s.Size / foldedSize;
            foreach (var t in s.Profile)
                sum[t.Term] = sum.GetValueOrDefault(t.Term) + weight * t.Weight;
        }
        var top = sum.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(keep).ToList();
        var norm = Math.Sqrt(top.Sum(p => p.Value * p.Value));
        var profile = top.Select(p => new ProfileTerm(p.Key, norm > 0 ? (float)(p.Value / norm) : 0f)).ToList();

        var dated = members.Where(d => d.Header.Published is not null)
            .OrderBy(d => d.Header.Published!.Value.Instant).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        var first = dated.Count > 0 ? dated[0].Header.Published!.Value.Instant : (DateTimeOffset?)null;
        var last = dated.Count > 0 ? dated.Max(d => d.Header.Published!.Value.Instant) : (DateTimeOffset?)null;
        var firstOutlet = dated.Count > 0 ? dated[0].Header.Source : null;
        foreach (var s in folded)
        {
            if (s.First is { } f && (first is null || f < first))
                (first, firstOutlet) = (f, s.FirstOutlet);
            if (s.Last is { } l && (last is null || l > last))
                last = l;
        }
        if (first is null)
            firstOutlet = members.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => d.Header.Source).FirstOrDefault(s => s is not null);
        var outlets = members.Select(d => d.Header.Source).OfType<string>().Concat(folded.SelectMany(s => s.Outlets))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var leadTitle = story.LeadTitle ?? (members.FirstOrDefault(d => d.Id == story.LeadId)?.Header.Title) ?? folded.Select(s => s.LeadTitle).FirstOrDefault(t => t is not null);
        return new StorySummary(story.Id, "", story.LeadId, leadTitle, first, last, story.Members.Count, outlets, firstOutlet, profile);
    }
}
