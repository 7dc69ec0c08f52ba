using ClassifyPipeline.Articles;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Tests.Support;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Tests.Pipeline;

/// <summary>Every stage of <c>classify run</c> passes the shared <see cref="StageContract"/>.</summary>
public sealed class StageContractTests
{
    private static readonly IReadOnlyList<Article> Seeds =
        new ArticleIngestor(new IngestOptions()).Ingest(Directory.GetFiles(RepoPaths.Seeds).Order(StringComparer.Ordinal).ToList()).Articles;

    private static readonly IReadOnlyList<AnalyzedArticle> Analyzed =
        Seeds.Select(a => new TextAnalyzer(new AnalysisOptions()).Analyze(new ArticleCleaner(new CleanOptions()).Clean(a))).ToList();

    [Fact]
    public void Ingest_PassesTheContract() =>
        StageContract.Check(() => new ArticleIngestor(new IngestOptions()),
            Directory.GetFiles(RepoPaths.Seeds).Order(StringComparer.Ordinal).ToList(), (stage, files) => stage.Ingest(files));

    [Fact]
    public void Clean_PassesTheContract() =>
        StageContract.Check(() => new ArticleCleaner(new CleanOptions()), Seeds[1], (stage, article) => stage.Clean(article));

    [Fact]
    public void Clean_OneInstanceSharedByManyThreads_SameOutputAsAlone()
    {
        // the runner shares one cleaner across its threads
        var cleaner = new ArticleCleaner(new CleanOptions());
        var alone = Seeds.Select(a => cleaner.Clean(a)).ToList();
        var shared = new CleanArticle[Seeds.Count * 20];
        Parallel.For(0, shared.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => shared[i] = cleaner.Clean(Seeds[i % Seeds.Count]));
        for (var i = 0; i < shared.Length; i++)
            Assert.Equal(alone[i % Seeds.Count], shared[i]);
    }

    [Fact]
    public void Analyze_PassesTheContract()
    {
        var clean = new ArticleCleaner(new CleanOptions()).Clean(Seeds[2]);
        StageContract.Check(() => new TextAnalyzer(new AnalysisOptions { MaxNGram = 2, Stemming = Stemming.English }), clean, (stage, c) => stage.Analyze(c).Terms);
    }

    [Fact]
    public void Vectorize_PassesTheContractAndSurvivesSaveLoad()
    {
        var statistics = CorpusStatistics.Empty.Add(Analyzed.Select(a => a.Terms));
        StageContract.Check(() => new TfIdfEstimator(new VectorizeOptions()), statistics, (stage, s) => stage.Fit(s).Transform(Analyzed[0].Terms));

        var model = new TfIdfEstimator(new VectorizeOptions()).Fit(statistics);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = TfIdfModel.Load(stream);
        Assert.All(Analyzed, a => Assert.Equal(model.Transform(a.Terms).Values, loaded.Transform(a.Terms).Values));
    }

    [Fact]
    public void Dedup_PassesTheContract()
    {
        var articles = Seeds.Append(Seeds[3] with { Id = "copy" }).ToList();
        StageContract.Check(() => new PipelineOptions(), articles, (options, a) => ClassifyPipeline.Tests.Dedup.DedupCorpus.Run(a, options: options));

        var result = ClassifyPipeline.Tests.Dedup.DedupCorpus.Run(articles);
        Assert.Equal(Seeds[3].Id, result.Assignments.Single(a => a.Id == "copy").DuplicateOf);
    }
}
