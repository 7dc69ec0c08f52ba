using ClassifyPipeline.Articles;
using ClassifyPipeline.Classification;
using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Classification.Topic;
using ClassifyPipeline.Tests.Classification.Topic;
using Microsoft.Extensions.Logging.Abstractions;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Tests.Support;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Tests.Pipeline;

/// <summary>
/// Every stage passes the shared <see cref="StageContract"/>: same input → same output (and shuffled input → same
/// output where the stage promises order independence), bad input → a clear error or a rejection value, and a
/// fitted model → save → load → the same predictions. Each stage of the pipeline: Ingest, Clean, Analyze, Vectorize,
/// Topic, Stance, Dedup (stories) and Threads.
/// </summary>
public sealed class StageContractTests
{
    private static readonly IReadOnlyList<string> SeedFiles = Directory.GetFiles(RepoPaths.Seeds).Order(StringComparer.Ordinal).ToList();

    private static readonly IReadOnlyList<Article> Seeds = new ArticleIngestor(new IngestOptions()).Ingest(SeedFiles).Articles;

    private static readonly IReadOnlyList<AnalyzedArticle> Analyzed =
        Seeds.Select(a => new TextAnalyzer(new AnalysisOptions()).Analyze(new ArticleCleaner(new CleanOptions()).Clean(a))).ToList();

    /// <summary>Text no article should hold, that a stage must still take without failing: controls, a huge token, marks, emoji, nothing.</summary>
    private static readonly string[] HostileTexts =
    [
        "",
        " \t\n\r\n ",
        "Null\0byte and bell\a and escape\u001b[31m inside",
        new string('x', 100_000),
        "\u202Eright-to-left override\u202C and zero\u200Bwidth joiners",
        "emoji 👩‍👩‍👧 only 🎉🎉 and flags 🇫🇷",
        "e\u0301\u0301\u0301\u0301 combining marks and ﬁ ligatures and ＦＵＬＬＷＩＤＴＨ",
    ];

    [Fact]
    public void Ingest_PassesTheContract()
    {
        StageContract.Check(() => new ArticleIngestor(new IngestOptions()), SeedFiles, (stage, files) => stage.Ingest(files));

        using var dir = new TempDirectory();
        var bad = new[]
        {
            Path.Combine(dir.Path, "missing.jsonl"),
            dir.File("broken.jsonl", "{\"id\":\"a\",\"text\":\"fine\"}\n{not json\n"),
            dir.File("binary.txt", [0, 1, 2, 3, 0xFF, 0xFE, 0, 0, 7, 8]),
        };
        StageContract.RejectsAsValue(() => new ArticleIngestor(new IngestOptions()).Ingest(bad), r => r.Rejections.Select(x => $"{x.Input}: {x.Reason}").ToList(),
            "missing.jsonl", "broken.jsonl", "binary.txt");
        Assert.Equal(["a"], new ArticleIngestor(new IngestOptions()).Ingest(bad).Articles.Select(a => a.Id));
    }

    [Fact]
    public void Ingest_LoneSurrogateEscape_RejectedNotThrown()
    {
        using var dir = new TempDirectory();
        var file = dir.File("surrogate.jsonl", "{\"id\":\"a\",\"text\":\"Hello \\ud800 world\"}\n{\"id\":\"b\",\"text\":\"fine\"}\n");

        StageContract.RejectsAsValue(() => new ArticleIngestor(new IngestOptions()).Ingest([file]), r => r.Rejections.Select(x => x.Reason).ToList(), "surrogate");
    }

    [Fact]
    public void Clean_PassesTheContract()
    {
        StageContract.Check(() => new ArticleCleaner(new CleanOptions()), Seeds[1], (stage, article) => stage.Clean(article));

        var cleaner = new ArticleCleaner(new CleanOptions());
        foreach (var text in HostileTexts)
        {
            var clean = cleaner.Clean(new Article("hostile", null, null, null, text, null));
            Assert.NotNull(clean.Title);
            Assert.DoesNotContain('\0', clean.Body);
        }
    }

    [Fact]
    public void Clean_LoneSurrogate_NoException() =>
        Assert.NotNull(new ArticleCleaner(new CleanOptions()).Clean(new Article("a", null, null, "T", "Hello \uD800 world", null)));

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
        var options = new AnalysisOptions { MaxNGram = 2, Stemming = Stemming.English };
        StageContract.Check(() => new TextAnalyzer(options), clean, (stage, c) => stage.Analyze(c).Terms);

        var analyzer = new TextAnalyzer(new AnalysisOptions());
        foreach (var text in HostileTexts)
        {
            var terms = analyzer.Terms(text);
            Assert.All(terms, t => Assert.InRange(t.Length, new AnalysisOptions().MinTokenLength, new AnalysisOptions().MaxTokenLength));
            Assert.All(terms, t => Assert.DoesNotContain(t, c => char.IsControl(c) || char.IsWhiteSpace(c)));
        }
    }

    [Fact]
    public void Vectorize_PassesTheContract()
    {
        var statistics = CorpusStatistics.Empty.Add(Analyzed.Select(a => a.Terms));
        StageContract.Check(() => new TfIdfEstimator(new VectorizeOptions()), statistics, (stage, s) => stage.Fit(s).Transform(Analyzed[0].Terms));

        // the IDF does not depend on the order the documents came in: each term's weight is the same
        StageContract.CheckOrderIndependent(() => new TfIdfEstimator(new VectorizeOptions()), Analyzed.Select(a => a.Terms).ToList(),
            (stage, documents) =>
            {
                var model = stage.Fit(CorpusStatistics.Empty.Add(documents));
                return Analyzed.Select(a => Weights(model, a.Terms)).ToList();
            });

        var fitted = new TfIdfEstimator(new VectorizeOptions()).Fit(statistics);
        StageContract.SurvivesSaveLoad(fitted, (m, s) => m.Save(s), TfIdfModel.Load, m => Analyzed.Select(a => m.Transform(a.Terms)).ToList());
    }

    [Fact]
    public void Stance_PassesTheContract()
    {
        var model = TinyStance.Value;
        var pairs = Fnc1Sample.Value.ToStancePairs().Take(120).ToList();
        StageContract.Check(() => model, pairs, (m, p) => m.Predict(p, default));

        // each pair is judged on its own: shuffled pairs get the same predictions
        StageContract.CheckOrderIndependent(() => model, pairs.Take(60).ToList(),
            (m, p) => p.Zip(m.Predict(p, default)).ToList(),
            predictions => predictions.OrderBy(x => x.First.Headline, StringComparer.Ordinal).ThenBy(x => x.First.Body, StringComparer.Ordinal).Select(x => x.Second).ToList());

        StageContract.SurvivesSaveLoad(model, (m, s) => m.Save(s), StanceModel.Load, m => m.PredictProbabilities(pairs, default));

        var unrelatedOnly = pairs.Take(20).ToList();
        StageContract.Rejects<ArgumentException>(() => new StanceEstimator(new StanceOptions()).Fit(unrelatedOnly, unrelatedOnly.Select(_ => StanceLabels.Unrelated).ToList()),
            "related and unrelated");
        StageContract.Rejects<ArgumentException>(() => new StanceEstimator(new StanceOptions()).Fit(pairs, [StanceLabels.Agree]), "120 pairs but 1 stances");
    }

    [Fact]
    public void Dedup_PassesTheContract()
    {
        var articles = Seeds.Append(Seeds[3] with { Id = "copy" }).ToList();
        StageContract.Check(() => new PipelineOptions(), articles, (options, a) => ClassifyPipeline.Tests.Dedup.DedupCorpus.Run(a, options: options));

        var result = ClassifyPipeline.Tests.Dedup.DedupCorpus.Run(articles);
        Assert.Equal(Seeds[3].Id, result.Assignments.Single(a => a.Id == "copy").DuplicateOf);
    }

    [Fact]
    public void Topic_PassesTheContract()
    {
        var training = BbcSamples.Take(12);
        var cleaner = new ArticleCleaner(new CleanOptions());
        var articles = Seeds.Concat(BbcSamples.Take(4, offset: 5).Articles.Select(a => a.Article)).Select(cleaner.Clean).ToList();
        var options = new TopicTrainingOptions { CalibrationFolds = 3 };
        StageContract.Check(() => new TopicEstimator(options), training,
            (stage, data) => stage.Fit(data).Predict(articles, 0.5, CancellationToken.None).Select(p => (p.Label, p.Score)).ToList());
        // not order independent: the folds (calibration, thresholds) and the solver's passes follow the training order
        // under a fixed seed, so the same file gives the same model, and a reordered file a slightly different one

        var model = new TopicEstimator(options).Fit(training);
        StageContract.SurvivesSaveLoad(model, (m, s) => m.Save(s), TopicModel.Load, m => m.Predict(articles, 0.5, CancellationToken.None));
        var hostile = HostileTexts.Select(t => cleaner.Clean(new Article("h", null, null, null, t.Length == 0 ? "x" : t, null))).ToList();
        Assert.Equal(hostile.Count, model.Predict(hostile, 0.5, CancellationToken.None).Count);

        var oneClass = new LabeledData(training.Articles.Where(a => a.Labels[0] == training.Articles[0].Labels[0]).ToList(), false);
        StageContract.Rejects<LabeledDataException>(() => new TopicEstimator(options).Fit(oneClass), "at least two classes");
    }

    [Fact]
    public void Threads_PassTheContract()
    {
        StageContract.Check(() => new PipelineRunner(new PipelineOptions(), NullLogger.Instance), SeedFiles,
            (runner, files) => ClassifyPipeline.Tests.State.StateTestData.ThreadsJsonl(runner.Run(files)));
        StageContract.CheckOrderIndependent(() => new PipelineRunner(new PipelineOptions(), NullLogger.Instance), SeedFiles,
            (runner, files) => ClassifyPipeline.Tests.State.StateTestData.ThreadsJsonl(runner.Run(files)));
    }

    private static SortedDictionary<string, float> Weights(TfIdfModel model, IReadOnlyList<string> terms)
    {
        var vector = model.Transform(terms);
        var result = new SortedDictionary<string, float>(StringComparer.Ordinal);
        for (var i = 0; i < vector.Count; i++)
            result[model.Terms[vector.Indices[i]]] = vector.Values[i];
        return result;
    }

    /// <summary>Every 24th FNC-1 training body's pairs: all four stances, a few thousand pairs.</summary>
    private static readonly Lazy<Fnc1Dataset> Fnc1Sample = new(() =>
    {
        var all = Fnc1Reader.Read(Path.Combine(RepoPaths.Fnc1, "train_stances.csv"), Path.Combine(RepoPaths.Fnc1, "train_bodies.csv"), requireStances: true);
        return all.Where(all.Bodies.Keys.Where(b => b % 24 == 0).ToHashSet());
    });

    /// <summary>A small stance model, quick to train, for the contract (not for quality).</summary>
    private static readonly Lazy<StanceModel> TinyStance = new(() =>
        new StanceEstimator(new StanceOptions { Trees = 10, Leaves = 4, MinLeafExamples = 5 }).Fit(Fnc1Sample.Value));
}
