using System.Text;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Tools.Corpus;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class DeduplicatorTests
{
    private static readonly Lazy<(List<DedupDocument> Documents, ClassifyPipeline.Vectors.TfIdfModel Model)> Corpus = new(() =>
        DedupCorpus.Vectorize(RepublicationSet.Build(DedupCorpus.Bbc, originals: 120, seed: 11).Articles));

    [Fact]
    public void Run_ShuffledInput_SameOutput()
    {
        var (documents, model) = Corpus.Value;
        var shuffled = documents.ToList();
        var random = new Random(3);
        for (var i = shuffled.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }

        var a = Render(new Deduplicator(new DedupOptions()).Run(documents, model));
        var b = Render(new Deduplicator(new DedupOptions()).Run(shuffled, model));

        Assert.Equal(a, b);
        Assert.Contains("duplicateOf=", a); // the corpus does hold duplicates and stories, so the comparison means something
    }

    [Fact]
    public void Run_OneThreadOrMany_SameOutput()
    {
        var (documents, model) = Corpus.Value;
        var one = Render(new Deduplicator(new DedupOptions { MaxDegreeOfParallelism = 1 }).Run(documents, model));
        var many = Render(new Deduplicator(new DedupOptions { MaxDegreeOfParallelism = 4 }).Run(documents, model));
        Assert.Equal(one, many);
    }

    [Fact]
    public void Run_StoryEdges_CarrySharedTermsOfBothArticles()
    {
        var (documents, model) = Corpus.Value;
        var result = new Deduplicator(new DedupOptions()).Run(documents, model);
        var byId = documents.ToDictionary(d => d.Id);
        var edges = result.Stories.SelectMany(s => s.Edges).ToList();
        Assert.NotEmpty(edges);
        foreach (var edge in edges)
        {
            Assert.InRange(edge.SharedTerms.Count, 1, 5);
            foreach (var term in edge.SharedTerms)
            {
                var index = model.IndexOf(term);
                Assert.Contains(index, byId[edge.From].Vector.Indices);
                Assert.Contains(index, byId[edge.To].Vector.Indices);
            }
        }
    }

    [Theory]
    [InlineData(7.0, false)]
    [InlineData(14.0, true)]
    public void Run_CopyPublishedTenDaysLater_ComparedOnlyInsideTheWindow(double windowDays, bool duplicate)
    {
        var (documents, model) = Corpus.Value;
        var original = documents[0];
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var docs = new List<DedupDocument>
        {
            original with { Id = "first", Published = t },
            original with { Id = "copy", Published = t.AddDays(10) },
        };

        var result = new Deduplicator(new DedupOptions { WindowDays = windowDays }).Run(docs, model);

        var copy = result.Assignments.Single(a => a.Id == "copy");
        Assert.Equal(duplicate ? "first" : null, copy.DuplicateOf);
    }

    [Fact]
    public void Run_UndatedCopy_ComparedWithEveryArticle()
    {
        var (documents, model) = Corpus.Value;
        var original = documents[0];
        var t = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var docs = new List<DedupDocument>
        {
            original with { Id = "dated", Published = t },
            documents[1] with { Id = "other", Published = t.AddYears(5) },
            original with { Id = "undated", Published = null },
        };

        var result = new Deduplicator(new DedupOptions()).Run(docs, model);

        Assert.Equal("dated", result.Assignments.Single(a => a.Id == "undated").DuplicateOf);
    }

    private static string Render(DedupResult result)
    {
        var sb = new StringBuilder();
        foreach (var a in result.Assignments)
            sb.Append(a.Id).Append(' ').Append(a.StoryId).Append(" duplicateOf=").Append(a.DuplicateOf).Append(' ').Append(a.DuplicateSimilarity?.ToString("R")).Append(' ').Append(a.StorySimilarity?.ToString("R")).Append('\n');
        foreach (var s in result.Stories)
        {
            sb.Append(s.Id).Append(' ').Append(s.LeadId).Append(' ').Append(string.Join(",", s.Members)).Append('\n');
            foreach (var e in s.Edges)
                sb.Append("  ").Append(e.From).Append('>').Append(e.To).Append(' ').Append(e.Cosine.ToString("R")).Append(' ').Append(e.Tier).Append(' ').Append(string.Join(",", e.SharedTerms)).Append('\n');
        }
        return sb.ToString();
    }
}
