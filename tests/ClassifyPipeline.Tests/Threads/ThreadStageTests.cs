using ClassifyPipeline.Corpus;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.Reports;
using ClassifyPipeline.State;
using ClassifyPipeline.Tests.State;
using ClassifyPipeline.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassifyPipeline.Tests.Threads;

public sealed class ThreadStageTests
{
    [Fact]
    public void Run_Seeds_OneThreadOverThreeDateSeparatedStories()
    {
        var run = new PipelineRunner(new PipelineOptions(), NullLogger.Instance).Run(Directory.GetFiles(RepoPaths.Seeds).Order(StringComparer.Ordinal).ToList());

        // every dated story (May 2013, February 2014, October 2016) is in one thread; the undated 004 (the January 2016
        // talks, grouped by text alone) joins one of them since local scaling (2026-12-05): it is compared with all four
        // and its third-nearest cosine is low, which raises its pairs; it was a story of its own for a few hours before
        var thread = Assert.Single(run.Threads.Threads, t => t.Stories.Count >= 3);
        Assert.All(run.Articles.Where(a => a.Article.Published is not null), a => Assert.Equal(thread.Id, a.ThreadId));
        var datedStories = run.Articles.Where(a => a.Article.Published is not null).Select(a => a.Dedup.StoryId).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(datedStories, thread.Stories.Select(s => s.StoryId).Order(StringComparer.Ordinal));
        var dates = thread.Stories.Select(s => s.First).OfType<DateTimeOffset>().ToList();
        Assert.True(dates.Count >= 3, $"{dates.Count} dated stories");
        Assert.Equal(dates.Order(), dates); // time order
        for (var i = 1; i < dates.Count; i++)
            Assert.True(dates[i] - dates[i - 1] > TimeSpan.FromDays(30), $"stories {i - 1} and {i} are {dates[i] - dates[i - 1]} apart");
        Assert.Equal(5, thread.Articles);
    }

    [Fact]
    public void Run_ThreadsDisabled_NoThreadsAndNoThreadIds()
    {
        var options = new PipelineOptions();
        options.Threads.Enabled = false;

        var run = new PipelineRunner(options, NullLogger.Instance).Run(Directory.GetFiles(RepoPaths.Seeds).Order(StringComparer.Ordinal).ToList());

        Assert.Empty(run.Threads.Threads);
        Assert.All(run.Articles, a => Assert.Null(a.ThreadId));
        Assert.NotEmpty(run.Stories);
    }

    [Fact]
    public void Run_ShuffledInput_SameThreadsJsonl()
    {
        using var temp = new TempDirectory();
        var articles = StateTestData.FncArticles(stories: 12);
        var ordered = StateTestData.RunWithoutState(StateTestData.WriteBatch(temp.Path, "a", articles), StateTestData.Options());
        var shuffled = StateTestData.RunWithoutState(StateTestData.WriteBatch(temp.Path, "b", articles.Reverse().OrderBy(a => a.Id.GetHashCode(StringComparison.Ordinal) % 7)), StateTestData.Options());

        Assert.Equal(Threads(ordered), Threads(shuffled));
        Assert.Equal(ordered.Articles.Select(a => (a.Id, a.ThreadId)).Order(), shuffled.Articles.Select(a => (a.Id, a.ThreadId)).Order());
    }

    [Fact]
    public void Run_SeedsInTwoBatchesThroughTheState_FirstBatchThreadKeepsItsIdAndGrows()
    {
        using var temp = new TempDirectory();
        var seeds = Directory.GetFiles(RepoPaths.Seeds).Order(StringComparer.Ordinal).ToList();
        var options = new PipelineOptions();
        using var store = SqliteCorpusState.Open(Path.Combine(temp.Path, "state"), options.State);
        var first = new PipelineRunner(options, NullLogger.Instance, state: store).Run(seeds.Take(3).ToList());
        var second = new PipelineRunner(options, NullLogger.Instance, state: store).Run(seeds.Skip(3).ToList());

        // the first batch's three stories (2013, 2014, 2016) are one thread; the second batch extends it under the same id
        // (003 joins the May 2013 story; the undated 004, the January 2016 talks, is a story of its own and may join too)
        var before = Assert.Single(first.Threads.Threads);
        Assert.Equal(3, before.Stories.Count);
        var after = Assert.Single(second.Threads.Threads, t => t.Id == before.Id);
        Assert.True(after.Articles > before.Articles);
        Assert.Subset(after.Stories.Select(s => s.StoryId).ToHashSet(StringComparer.Ordinal), before.Stories.Select(s => s.StoryId).ToHashSet(StringComparer.Ordinal));
        Assert.All(second.Articles, a => Assert.Contains(a.ThreadId, second.Threads.Threads.Select(t => t.Id)));

        // the state holds a summary for every live story, each in a thread threads.jsonl shows
        using var session = store.Begin();
        var stored = session.LoadThreads();
        Assert.Equal(second.Threads.Threads.SelectMany(t => t.Stories).Select(s => s.StoryId).Order(StringComparer.Ordinal), stored.Stories.Select(s => s.StoryId).Order(StringComparer.Ordinal));
        Assert.Empty(stored.Aliases);
    }

    [Fact]
    public void Run_SeedsInTwoBatches_InMemoryAndSqliteStatesGiveTheSameThreads()
    {
        using var temp = new TempDirectory();
        var seeds = Directory.GetFiles(RepoPaths.Seeds).Order(StringComparer.Ordinal).ToList();
        var options = new PipelineOptions();
        var time = new FixedTime(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero));
        using var sqlite = SqliteCorpusState.Open(Path.Combine(temp.Path, "state"), options.State);
        using var memory = new InMemoryCorpusState();
        RunResult? a = null, b = null;
        foreach (var part in new[] { seeds.Skip(2).ToList(), seeds.Take(2).ToList() })
        {
            a = new PipelineRunner(options, NullLogger.Instance, time, state: sqlite).Run(part);
            b = new PipelineRunner(options, NullLogger.Instance, time, state: memory).Run(part);
        }

        Assert.Equal(Threads(a!), Threads(b!));
        using var session = sqlite.Begin();
        Assert.Equal(memory.Summaries.Values.OrderBy(s => s.StoryId, StringComparer.Ordinal).Select(Text), session.LoadThreads().Stories.Select(Text));
    }

    private static string Text(StorySummary s) => StateTestData.Text(s);

    private static string Threads(RunResult run)
    {
        using var stream = new MemoryStream();
        ThreadsJsonlWriter.Write(stream, run.Threads.Threads);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
