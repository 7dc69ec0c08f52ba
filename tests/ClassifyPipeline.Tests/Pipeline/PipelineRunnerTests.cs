using ClassifyPipeline.IO;
using System.Text.Json;
using ClassifyPipeline.Classification;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.State;
using ClassifyPipeline.Tests.Support;
using ClassifyPipeline.Text;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Tests.Pipeline;

/// <summary>The runner's two passes: chunks of any size give the same run, and inputs that change in between are caught.</summary>
public sealed class PipelineRunnerTests
{
    private static readonly string[] Stories =
    [
        "The central bank raised interest rates by half a point on Tuesday to fight inflation, its governor said, and markets fell as traders priced in further increases this year.",
        "Heavy rain flooded the river valley overnight, forcing hundreds of families from their homes as rescue teams used boats to reach villages cut off by the water.",
        "The football club sacked its manager after a run of seven defeats left the team in the relegation zone, the chairman told supporters at the stadium.",
    ];

    /// <summary>The seeds, then a feed of three stories told in several copies and edits, published out of reading order; one line is rejected.</summary>
    private static (string Feed, string[] Files) Inputs(TempDirectory dir)
    {
        var lines = new List<string>();
        for (var i = 0; i < 14; i++)
        {
            var story = Stories[i % Stories.Length];
            var text = (i % 2 == 0 ? story : story + " More details were expected later in the day.") + $" Report number {i}.";
            lines.Add(JsonSerializer.Serialize(new { id = $"a{i:D2}", title = $"Headline {i}", text, published = $"2024-03-{28 - i:D2}T08:00:00Z" }));
            if (i == 5)
                lines.Add("{ not json");
        }
        var feed = dir.File("in/feed.jsonl", string.Join("\n", lines) + "\n");
        return (feed, [.. Directory.GetFiles(RepoPaths.Seeds).Order(StringComparer.Ordinal), feed]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Run_ChunksSmallerThanTheBatch_SameRunAsOneChunk(int chunkSize)
    {
        using var dir = new TempDirectory();
        var (_, files) = Inputs(dir);
        var whole = Runner().Run(files);
        var chunked = Runner(chunkSize).Run(files);

        Assert.Equal(19, whole.Articles.Count);
        Assert.Single(whole.Rejections);
        Assert.Equal(Summary(whole), Summary(chunked));
        Assert.Equal(whole.Rejections, chunked.Rejections);
        Assert.Equal(19 - whole.Stories.Count, chunked.Articles.Count(a => a.Stance is not null));

        // each label reached the article it was computed for: the fakes derive it from the article's own text and
        // the title of its story's lead
        var cleaner = new ArticleCleaner(new CleanOptions());
        var body = new ArticleIngestor(new IngestOptions()).Ingest(files).Articles.ToDictionary(a => a.Id, a => cleaner.Clean(a).Body);
        var title = chunked.Articles.ToDictionary(a => a.Id, a => a.Article.Title);
        Assert.All(chunked.Articles, a => Assert.Equal("t-" + a.Id, a.Topic!.Label));
        Assert.All(chunked.Articles.Where(a => a.Stance is not null), a =>
        {
            Assert.Equal(whole.Stories.Single(s => s.Id == a.Dedup.StoryId).LeadId, a.Stance!.TargetId);
            Assert.Equal(TextStances.Confidence(title[a.Stance.TargetId], body[a.Id]), a.Stance.Confidence);
        });
        Assert.All(chunked.Articles, a => Assert.Equal(TextStances.Confidence("x", body[a.Id]), Assert.Single(a.Claims).Confidence));
    }

    [Fact]
    public void Run_StateChunked_SameRunAsOneChunk()
    {
        using var dir = new TempDirectory();
        var (_, files) = Inputs(dir);
        RunResult WithState(string state, int chunkSize)
        {
            var options = new PipelineOptions();
            using var store = SqliteCorpusState.Open(Path.Combine(dir.Path, state), options.State);
            return new PipelineRunner(options, NullLogger.Instance, topics: new IdTopics(), stances: new TextStances(), state: store) { ChunkSize = chunkSize }.Run(files);
        }

        var whole = WithState("one", 8192);
        var chunked = WithState("chunked", 3);

        Assert.Equal(19, whole.Articles.Count);
        Assert.Equal(Summary(whole), Summary(chunked));
        Assert.Contains(chunked.Articles, a => a.Stance is not null);
    }

    [Fact]
    public void Run_StanceModelOnly_TopicsNullStancesSet()
    {
        using var dir = new TempDirectory();
        var (_, files) = Inputs(dir);

        var run = new PipelineRunner(new PipelineOptions(), NullLogger.Instance, stances: new TextStances()) { ChunkSize = 4 }.Run(files);

        Assert.All(run.Articles, a => Assert.Null(a.Topic));
        Assert.Equal(19 - run.Stories.Count, run.Articles.Count(a => a.Stance is not null));
    }

    [Fact]
    public void Run_EveryLineRejected_EmptyRunWithTheRejections()
    {
        using var dir = new TempDirectory();
        var bad = dir.File("bad.jsonl", "{ not json\n[1]\n");

        var run = Runner(4).Run([bad]);

        Assert.Empty(run.Articles);
        Assert.Empty(run.Stories);
        Assert.Equal(2, run.Rejections.Count);
    }

    [Fact]
    public void Run_Progress_EachStageInOrderUpToItsTotal()
    {
        using var dir = new TempDirectory();
        var (_, files) = Inputs(dir);
        var reports = new List<RunProgress>();

        Runner(4).Run(files, new SynchronousProgress<RunProgress>(reports.Add));

        Assert.Equal(["analyze", "vectorize", "window", "dedup", "graph", "cluster", "edges", "threads", "label", "done"], reports.Select(r => r.Stage).Distinct());
        // every stage with a total reaches it, so a terminal can say when it is done
        foreach (var stage in reports.Where(r => r.Total is not null).GroupBy(r => r.Stage))
            Assert.Equal(stage.Last().Total, stage.Last().Done);
        Assert.Equal(new RunProgress("analyze", 19, null), reports.Last(r => r.Stage == "analyze"));
        Assert.Equal(new RunProgress("dedup", 19, 19), reports.Last(r => r.Stage == "dedup"));
        Assert.Equal(new RunProgress("label", 19, 19), reports.Last(r => r.Stage == "label"));
        Assert.Equal([4, 8, 12, 16, 19], reports.Where(r => r.Stage == "label").Select(r => (int)r.Done));
    }

    [Theory]
    [InlineData("a different article", "article 6 was 'a00', then 'b00'")]
    [InlineData("an edited article", "article 8 ('a02') is not the same")]
    [InlineData("fewer articles", "19 articles were read, then 18")]
    [InlineData("more articles", "19 articles were read, then more ('a14' after them)")]
    public void Run_InputChangesBeforeLabeling_InputChangedError(string change, string expected)
    {
        using var dir = new TempDirectory();
        // only the temporary feed is rewritten, never a seed
        var (feed, files) = Inputs(dir);
        var lines = File.ReadAllLines(feed).ToList();
        var changed = change switch
        {
            "a different article" => lines.Select(l => l.Replace("\"a00\"", "\"b00\"")),
            "an edited article" => lines.Select(l => l.Replace("Report number 2.", "Report number 2, revised.")),
            "fewer articles" => lines.Where(l => !l.Contains("\"a13\"")),
            _ => lines.Append(lines[0].Replace("\"a00\"", "\"a14\"").Replace("Report number 0", "Report number 14")),
        };
        // rewritten once the first pass has read everything (the last chunk), before the second pass reads it again
        var progress = new Rewrite(feed, changed.ToArray());

        var error = Assert.Throws<InputChangedException>(() => Runner(4).Run(files, progress));
        Assert.Contains("the inputs changed during the run", error.Message);
        Assert.Contains(expected, error.Message);
    }

    private static PipelineRunner Runner(int chunkSize = 8192) =>
        new(new PipelineOptions { Stance = { Claims = ["x"] } }, NullLogger.Instance, topics: new IdTopics(), stances: new TextStances()) { ChunkSize = chunkSize };

    private static List<string> Summary(RunResult run) => run.Articles.Select(a =>
        $"{a.Id} {a.Article.Title} {a.Dedup.StoryId} {a.Dedup.DuplicateOf} {a.Topic?.Label} {a.Stance?.Stance} {a.Stance?.Confidence} {a.Stance?.TargetId} {string.Join(",", a.Claims.Select(c => $"{c.Stance} {c.Confidence}"))}").ToList();

    private sealed class IdTopics : ITopicClassifier
    {
        public IReadOnlyList<TopicPrediction> Predict(IReadOnlyList<CleanArticle> articles, CancellationToken cancellationToken) =>
            articles.Select(a => new TopicPrediction("t-" + a.Id, [new LabelScore("t-" + a.Id, 1)], 1)).ToList();
    }

    /// <summary>"discuss", with a confidence that is a hash of the headline and the body: a label given to the wrong pair shows.</summary>
    private sealed class TextStances : IStanceClassifier
    {
        public IReadOnlyList<StancePrediction> Predict(IReadOnlyList<StancePair> pairs, CancellationToken cancellationToken) =>
            pairs.Select(p => new StancePrediction("discuss", Confidence(p.Headline, p.Body))).ToList();

        public static double Confidence(string headline, string body)
        {
            var hash = 2166136261u; // FNV-1a over the characters: the same in every process
            foreach (var c in headline + "\n" + body)
                hash = (hash ^ c) * 16777619u;
            return hash / (double)uint.MaxValue;
        }
    }

    private sealed class Rewrite(string file, string[] lines) : IProgress<RunProgress>
    {
        private bool _done;

        public void Report(RunProgress value)
        {
            if (value.Stage == "analyze" && value.Done >= 19 && !_done)
            {
                File.WriteAllLines(file, lines);
                _done = true;
            }
        }
    }
}
