using ClassifyPipeline.Dedup;
using ClassifyPipeline.Tools.Corpus;
using Xunit.Abstractions;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class RepublicationTests(ITestOutputHelper output)
{
    [Fact]
    public void Run_SyndicatedCopiesAmongFollowUpsAndUnrelated_PrecisionAndRecallAtLeast098()
    {
        var set = RepublicationSet.Build(DedupCorpus.Bbc, originals: 300, seed: 2026);
        var result = DedupCorpus.Run(set.Articles);

        var predicted = result.Assignments.Where(a => a.DuplicateOf is not null).Select(a => (a.Id, a.DuplicateOf!)).ToHashSet();
        var gold = set.Duplicates.ToHashSet();
        var correct = predicted.Count(gold.Contains);
        var precision = (double)correct / predicted.Count;
        var recall = (double)correct / gold.Count;
        var vectors = DedupCorpus.Vectorize(set.Articles);
        var vec = set.Articles.Select((a, i) => (a.Id, Vector: vectors[i])).ToDictionary(p => p.Id, p => p.Vector);
        var detail = string.Join("\n", predicted.Where(p => !gold.Contains(p)).Select(p => $"FP {p.Item1} -> {p.Item2} {vec[p.Item1].Dot(vec[p.Item2]):F3}"))
            + "\n" + string.Join("\n", gold.Where(p => !predicted.Contains(p)).Select(p => $"FN {p.Copy} -> {p.Original} {vec[p.Copy].Dot(vec[p.Original]):F3}"));
        output.WriteLine($"re-publications: precision {precision:F4}, recall {recall:F4} ({correct} correct, {predicted.Count} predicted, {gold.Count} gold, {set.Articles.Count} articles)");
        Assert.True(precision >= 0.98 && recall >= 0.98, $"precision {precision:F4}, recall {recall:F4} ({correct} correct, {predicted.Count} predicted, {gold.Count} gold)\n" + detail);
    }

    [Fact]
    public void Build_SameSeed_SameSet()
    {
        var a = RepublicationSet.Build(DedupCorpus.Bbc, originals: 50, seed: 5);
        var b = RepublicationSet.Build(DedupCorpus.Bbc, originals: 50, seed: 5);
        Assert.Equal(a.Articles, b.Articles);
        Assert.Equal(a.Duplicates, b.Duplicates);
    }

    [Fact]
    public void Run_BbcTrainingPart_EveryExactDuplicatePairIsADuplicateOfPair()
    {
        var articles = DedupCorpus.Bbc;
        var exact = articles
            .GroupBy(a => a.Body.Trim(), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Select(a => a.Id).ToList())
            .ToList();
        Assert.NotEmpty(exact); // the BBC set is known to hold exact duplicates

        var byId = DedupCorpus.Run(articles).Assignments.ToDictionary(a => a.Id);

        foreach (var group in exact)
        {
            // canonical order (no dates): by id; every later copy points to the first one's earliest copy
            var ordered = group.OrderBy(id => id, StringComparer.Ordinal).ToList();
            var root = byId[ordered[0]].DuplicateOf ?? ordered[0];
            foreach (var copy in ordered.Skip(1))
                Assert.Equal(root, byId[copy].DuplicateOf);
        }
    }
}
