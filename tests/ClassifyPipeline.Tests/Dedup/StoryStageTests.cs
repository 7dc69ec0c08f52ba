using System.Text;
using ClassifyPipeline.Articles;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Tools.Corpus;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class StoryStageTests
{
    private static readonly Lazy<IReadOnlyList<Article>> Corpus = new(() => RepublicationSet.Build(DedupCorpus.Bbc, originals: 120, seed: 11).Articles);

    [Fact]
    public void Run_ShuffledInput_SameOutput()
    {
        var articles = Corpus.Value;
        var shuffled = articles.ToList();
        new Random(3).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));

        var a = Render(DedupCorpus.Run(articles));
        var b = Render(DedupCorpus.Run(shuffled));

        Assert.Equal(a, b);
        Assert.Contains("duplicateOf=", a); // the corpus does hold duplicates and stories, so the comparison means something
    }

    [Fact]
    public void Run_OneThreadOrMany_SameOutput()
    {
        var one = Render(DedupCorpus.Run(Corpus.Value, new DedupOptions { MaxDegreeOfParallelism = 1 }));
        var many = Render(DedupCorpus.Run(Corpus.Value, new DedupOptions { MaxDegreeOfParallelism = 4 }));
        Assert.Equal(one, many);
    }

    [Fact]
    public void Run_StoryEdges_CarrySharedTermsOfBothArticles()
    {
        var articles = Corpus.Value;
        var result = DedupCorpus.Run(articles);
        var (documents, vocabulary) = DedupCorpus.Analyze(articles);
        var termsOf = documents.ToDictionary(d => d.Id, d => d.Bag.ToArrays().Ids.Select(id => vocabulary[id]).ToHashSet());
        var edges = result.Stories.SelectMany(s => s.Edges).ToList();
        Assert.NotEmpty(edges);
        foreach (var edge in edges)
        {
            Assert.InRange(edge.SharedTerms.Count, 1, 5);
            foreach (var term in edge.SharedTerms)
            {
                Assert.Contains(term, termsOf[edge.From]);
                Assert.Contains(term, termsOf[edge.To]);
            }
        }
    }

    [Theory]
    [InlineData(7.0, false)]
    [InlineData(14.0, true)]
    public void Run_CopyPublishedTenDaysLater_ComparedOnlyInsideTheWindow(double windowDays, bool duplicate)
    {
        var original = Corpus.Value[0];
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Article[] articles = [original with { Id = "first", Published = t }, original with { Id = "copy", Published = t.AddDays(10) }];

        var result = DedupCorpus.Run(articles, new DedupOptions { WindowDays = windowDays });

        Assert.Equal(duplicate ? "first" : null, result.Assignments.Single(a => a.Id == "copy").DuplicateOf);
    }

    [Fact]
    public void Run_UndatedCopy_ComparedWithEveryArticle()
    {
        var articles = Corpus.Value;
        var t = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Article[] batch =
        [
            articles[0] with { Id = "dated", Published = t },
            articles[1] with { Id = "other", Published = t.AddYears(5) },
            articles[0] with { Id = "undated", Published = null },
        ];

        var result = DedupCorpus.Run(batch);

        Assert.Equal("dated", result.Assignments.Single(a => a.Id == "undated").DuplicateOf);
    }

    internal static string Render(DedupResult result)
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

    [Fact]
    public void Run_KeepingState_ReportsEveryPhaseUpToItsTotal()
    {
        var options = new ClassifyPipeline.Pipeline.PipelineOptions();
        var (documents, vocabulary) = DedupCorpus.Analyze(Corpus.Value.Take(120).ToList(), options);
        using var state = new ClassifyPipeline.Corpus.InMemoryCorpusState(keepsChanges: true);
        using var session = state.Begin();
        var reports = new List<ClassifyPipeline.IO.RunProgress>();

        new StoryStage(options.Dedup, options.Vectorize, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
            .Run(documents, vocabulary, session, new Dictionary<string, object>(), new ClassifyPipeline.IO.SynchronousProgress<ClassifyPipeline.IO.RunProgress>(reports.Add));

        Assert.Equal(["vectorize", "window", "dedup", "graph", "cluster", "edges", "state"], reports.Select(r => r.Stage).Distinct());
        foreach (var stage in reports.Where(r => r.Total is not null).GroupBy(r => r.Stage))
            Assert.Equal(stage.Last().Total, stage.Last().Done);
        Assert.True(reports.Last(r => r.Stage == "state").Total > 120);
    }
}

