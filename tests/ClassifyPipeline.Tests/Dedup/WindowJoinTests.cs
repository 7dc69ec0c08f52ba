using ClassifyPipeline.Dedup;
using ClassifyPipeline.Tools.Corpus;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Tests.Dedup;

[Collection(nameof(WindowJoinTests))] // the tests set WindowJoin's static tuning knobs
public sealed class WindowJoinTests
{
    private static readonly Lazy<IReadOnlyList<SparseVector>> Republications = new(() =>
    {
        var set = RepublicationSet.Build(DedupCorpus.Bbc, originals: 250, seed: 7);
        return DedupCorpus.Vectorize(set.Articles);
    });

    private static readonly Lazy<IReadOnlyList<SparseVector>> Fnc1Bodies = new(() =>
        DedupCorpus.Vectorize(DedupCorpus.Fnc1Articles));

    [Theory]
    [InlineData(0.15, 256, 1_000_000)]
    [InlineData(0.15, 8, 1_000_000)]   // many common terms: light and heavy documents both
    [InlineData(0.15, 8, 100)]         // and many spans
    [InlineData(0.3, 2, 64)]
    [InlineData(0.7, 4, 1_000_000)]
    public void Find_AllNewOneTime_SamePairsAndCosinesAsAllPairs(double threshold, int commonPostings, int spanDocuments)
    {
        var vectors = Fnc1Bodies.Value;
        var documents = vectors.Select(_ => new JoinDocument(0, IsNew: true, Undated: false)).ToList();
        var pairs = WithKnobs(commonPostings, spanDocuments, () => Join(vectors, documents, threshold, TimeSpan.FromDays(1)));
        AssertSame(AllPairsSimilarity.Find(vectors, threshold), pairs);
    }

    [Theory]
    [InlineData(0.10, false, 0.5)]
    [InlineData(0.10, true, 0.5)]
    [InlineData(0.10, true, 0.9)]  // budget near the threshold: most reached documents verified
    [InlineData(0.3, true, 0.9)]
    [InlineData(0.7, true, 0.8)]
    public void Find_SkippingWholeListsOrLowPostings_SamePairsAsAllPairs(double threshold, bool wholeLists, double budget)
    {
        var vectors = Fnc1Bodies.Value;
        var documents = vectors.Select(_ => new JoinDocument(0, IsNew: true, Undated: false)).ToList();
        var (whole, skip) = (WindowJoin.SkipWholeLists, WindowJoin.SkipBudget);
        (WindowJoin.SkipWholeLists, WindowJoin.SkipBudget) = (wholeLists, budget);
        try
        {
            var pairs = WithKnobs(8, 1_000_000, () => Join(vectors, documents, threshold, TimeSpan.FromDays(1)));
            AssertSame(AllPairsSimilarity.Find(vectors, threshold), pairs);
        }
        finally
        {
            (WindowJoin.SkipWholeLists, WindowJoin.SkipBudget) = (whole, skip);
        }
    }

    [Theory]
    [InlineData(0.10, 1, 0.5)]
    [InlineData(0.10, 32, 0.5)]
    [InlineData(0.10, int.MaxValue, 0.9)] // every common list skippable, budget near the threshold: most candidates filtered
    [InlineData(0.3, 32, 0.9)]
    public void Find_CandidateFilterOnOrOff_IdenticalPairsAndCosines(double threshold, int skippable, double budget)
    {
        var vectors = Fnc1Bodies.Value;
        var documents = vectors.Select(_ => new JoinDocument(0, IsNew: true, Undated: false)).ToList();
        var saved = (WindowJoin.FilterCandidates, WindowJoin.SkippableTerms, WindowJoin.SkipBudget);
        try
        {
            (WindowJoin.SkippableTerms, WindowJoin.SkipBudget) = (skippable, budget);
            WindowJoin.FilterCandidates = true;
            var filtered = WithKnobs(8, 1_000_000, () => Join(vectors, documents, threshold, TimeSpan.FromDays(1)));
            WindowJoin.FilterCandidates = false;
            var unfiltered = WithKnobs(8, 1_000_000, () => Join(vectors, documents, threshold, TimeSpan.FromDays(1)));
            Assert.Equal(unfiltered, filtered); // bit for bit, cosines included
            AssertSame(AllPairsSimilarity.Find(vectors, threshold), filtered);
        }
        finally
        {
            (WindowJoin.FilterCandidates, WindowJoin.SkippableTerms, WindowJoin.SkipBudget) = saved;
        }
    }

    [Theory]
    [InlineData(8, 100)]
    [InlineData(256, 1_000_000)]
    public void Find_Window_OnlyPairsAtMostTheWindowApart(int commonPostings, int spanDocuments)
    {
        var vectors = Republications.Value;
        var documents = vectors.Select((_, j) => new JoinDocument(j * TimeSpan.TicksPerMinute, true, false)).ToList();
        var pairs = WithKnobs(commonPostings, spanDocuments, () => Join(vectors, documents, 0.3, TimeSpan.FromMinutes(50)));
        var expected = AllPairsSimilarity.Find(vectors, 0.3).Where(p => p.J - p.I <= 50).ToList();
        Assert.True(expected.Count < AllPairsSimilarity.Find(vectors, 0.3).Count, "the window should cut pairs");
        AssertSame(expected, pairs);
    }

    [Fact]
    public void Find_OldAndNew_OnlyPairsWithANewDocument()
    {
        var vectors = Fnc1Bodies.Value;
        var isNew = vectors.Select((_, j) => j % 3 == 0).ToArray();
        var documents = vectors.Select((_, j) => new JoinDocument(0, isNew[j], false)).ToList();
        var pairs = WithKnobs(8, 300, () => Join(vectors, documents, 0.15, TimeSpan.FromDays(1)));
        AssertSame(AllPairsSimilarity.Find(vectors, 0.15).Where(p => isNew[p.I] || isNew[p.J]).ToList(), pairs);
    }

    [Fact]
    public void Find_UndatedNew_ComparedWithEveryDocument()
    {
        var vectors = Republications.Value;
        // dated documents an hour apart with a one-minute window: they meet nobody; the last 40 are undated
        var documents = vectors.Select((_, j) => j < vectors.Count - 40
            ? new JoinDocument(j * TimeSpan.TicksPerHour, j % 2 == 0, false)
            : new JoinDocument(0, true, true)).ToList();
        var pairs = WithKnobs(8, 50, () => Join(vectors, documents, 0.3, TimeSpan.FromMinutes(1)));
        var expected = AllPairsSimilarity.Find(vectors, 0.3).Where(p => p.J >= vectors.Count - 40).ToList();
        Assert.NotEmpty(expected);
        AssertSame(expected, pairs);
    }

    [Fact]
    public void Find_OneThreadOrMany_SameOutput()
    {
        var vectors = Fnc1Bodies.Value;
        var documents = vectors.Select(_ => new JoinDocument(0, true, false)).ToList();
        var one = WindowJoin.Find(documents, i => vectors[i], Dims(vectors), 0.15, TimeSpan.FromDays(1), maxDegreeOfParallelism: 1);
        var many = WindowJoin.Find(documents, i => vectors[i], Dims(vectors), 0.15, TimeSpan.FromDays(1), maxDegreeOfParallelism: 4);
        Assert.Equal(one, many);
    }

    private static List<(int I, int J, double Cosine)> Join(IReadOnlyList<SparseVector> vectors, List<JoinDocument> documents, double threshold, TimeSpan window) =>
        WindowJoin.Find(documents, i => vectors[i], Dims(vectors), threshold, window);

    private static int Dims(IReadOnlyList<SparseVector> vectors) => vectors.Max(v => v.Count == 0 ? 0 : v.Indices[^1] + 1);

    private static T WithKnobs<T>(int commonPostings, int spanDocuments, Func<T> work)
    {
        var (common, span) = (WindowJoin.MinCommonPostings, WindowJoin.MaxSpanDocuments);
        WindowJoin.MinCommonPostings = commonPostings;
        WindowJoin.MaxSpanDocuments = spanDocuments;
        try
        {
            return work();
        }
        finally
        {
            (WindowJoin.MinCommonPostings, WindowJoin.MaxSpanDocuments) = (common, span);
        }
    }

    private static void AssertSame(List<(int I, int J, double Cosine)> reference, List<(int I, int J, double Cosine)> found)
    {
        Assert.True(reference.Count > 20, $"too few pairs to compare: {reference.Count}");
        Assert.Equal(reference.Select(p => (p.I, p.J)).Order().ToList(), found.Select(p => (p.I, p.J)).Order().ToList());
        var cosines = reference.ToDictionary(p => (p.I, p.J), p => p.Cosine);
        Assert.All(found, p => Assert.Equal(cosines[(p.I, p.J)], p.Cosine, 9));
    }
}
