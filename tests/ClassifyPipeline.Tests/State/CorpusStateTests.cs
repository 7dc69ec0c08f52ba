using ClassifyPipeline.Corpus;
using ClassifyPipeline.Pipeline;
using ClassifyPipeline.State;
using Microsoft.Extensions.Logging.Abstractions;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.State;

public sealed class CorpusStateTests
{
    private static readonly IReadOnlyList<TestArticle> Corpus = StateTestData.FncArticles(stories: 4);

    // The batch-split tests need a corpus whose IDF means something: 50 articles of 4 stories split in two weigh
    // terms so differently per half that with the default settings a 4-article story joins another (ARI 0.82-0.85
    // against one run; 127 articles of 8 stories 0.96). 468 articles of 32 stories: 0.990 (docs/stories.md).
    private static readonly IReadOnlyList<TestArticle> SplitCorpus = StateTestData.FncArticles(stories: 32);

    [Fact]
    public void Corpus_HasMultiArticleStories()
    {
        // the split tests below mean little unless the corpus has stories to split
        using var temp = new TempDirectory();
        var run = StateTestData.RunWithoutState(StateTestData.WriteBatch(temp.Path, "all", Corpus), StateTestData.Options());
        Assert.InRange(Corpus.Count, 40, 200);
        Assert.True(run.Stories.Count(s => s.Members.Count > 1) >= 3);
    }

    [Fact]
    public void Run_SameBatchTwice_OutputsAndStateUnchanged()
    {
        using var temp = new TempDirectory();
        var options = StateTestData.Options();
        var state = Path.Combine(temp.Path, "state");
        var batch = StateTestData.WriteBatch(temp.Path, "a", Corpus);

        var first = StateTestData.Run(state, batch, options);
        var before = StateTestData.Snapshot(state, options);
        var second = StateTestData.Run(state, batch, options);
        var after = StateTestData.Snapshot(state, options);

        Assert.Equal(StateTestData.Outputs(first), StateTestData.Outputs(second));
        StateTestData.AssertSame(before, after);
        Assert.Equal(Corpus.Count, after.DocumentCount);
    }

    [Fact]
    public void Run_SameBatchTwiceWithSettledStories_EachMemberOnce()
    {
        // one article months after the others: on the second run the dated others are settled (frozen) batch
        // articles, nodes of the graph and, through their stories' undated members (never settled), stored members
        using var temp = new TempDirectory();
        var options = StateTestData.Options();
        var state = Path.Combine(temp.Path, "state");
        var late = new TestArticle("late", "", "harbour bridge collapse ferry traffic diverted engineers inspect cables overnight", StateTestData.Start.AddDays(90));
        var batch = StateTestData.WriteBatch(temp.Path, "a", [.. Corpus.Select((a, i) => i % 2 == 0 ? a : a with { Published = null }), late]);

        var first = StateTestData.Run(state, batch, options);
        var second = StateTestData.Run(state, batch, options);

        Assert.All(second.Stories, s => Assert.Equal(s.Members.Count, s.Members.Distinct(StringComparer.Ordinal).Count()));
        Assert.Equal(Corpus.Count + 1, second.Stories.SelectMany(s => s.Members).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Corpus.Count + 1, second.Stories.Sum(s => s.Members.Count));
        Assert.Equal(Corpus.Count + 1, first.Stories.Sum(s => s.Members.Count));
    }

    [Fact]
    public void Run_BatchSplitInTimeOrder_StoriesOfOneRunAndStableIds()
    {
        using var temp = new TempDirectory();
        var options = StateTestData.Options();
        var ordered = SplitCorpus.OrderBy(a => a.Published).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var single = StateTestData.RunWithoutState(StateTestData.WriteBatch(temp.Path, "all", ordered), options);
        var state = Path.Combine(temp.Path, "state");

        var first = StateTestData.Run(state, StateTestData.WriteBatch(temp.Path, "a", ordered.Take(ordered.Count / 2)), options);
        StateTestData.Run(state, StateTestData.WriteBatch(temp.Path, "b", ordered.Skip(ordered.Count / 2)), options);

        var snapshot = StateTestData.Snapshot(state, options);
        StateTestData.AssertCloseToOneRun(single, snapshot);
        StateTestData.AssertConsistent(snapshot);

        // Every story one run also has (same members) has the id a single run gives (derived from its lead) or, where
        // the second batch re-grouped a first-batch story, that story's id kept stable; yesterday's ids never vanish.
        // (A story the split groups otherwise than one run may have a lead, and so an id, one run does not have.)
        var singleIds = single.Articles.Select(a => a.Dedup.StoryId).ToHashSet();
        var firstIds = first.Stories.Select(s => s.Id).ToHashSet();
        var oneRunStories = StateTestData.Partition(single).ToHashSet(StringComparer.Ordinal);
        var unchanged = snapshot.StoryOf.GroupBy(p => p.Value, StringComparer.Ordinal)
            .Where(g => oneRunStories.Contains(string.Join(",", g.Select(p => p.Key).Order(StringComparer.Ordinal)))).Select(g => g.Key).ToList();
        Assert.True(unchanged.Count * 10 >= oneRunStories.Count * 8, $"{unchanged.Count} of {oneRunStories.Count} stories unchanged");
        Assert.All(unchanged, id => Assert.True(singleIds.Contains(id) || firstIds.Contains(id), id));
        Assert.All(first.Stories, s => Assert.NotNull(snapshot.Resolve(s.Id)));
        var sameIds = single.Articles.Count(a => snapshot.StoryOf[a.Id] == a.Dedup.StoryId);
        Assert.True(sameIds * 2 > single.Articles.Count, $"only {sameIds} of {single.Articles.Count} articles keep the single-run story id");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_BatchSplitInterleaved_StoriesAndStatisticsOfOneRun(bool reversed)
    {
        using var temp = new TempDirectory();
        var options = StateTestData.Options();
        var single = StateTestData.RunWithoutState(StateTestData.WriteBatch(temp.Path, "all", SplitCorpus), options);
        var oneState = Path.Combine(temp.Path, "one");
        StateTestData.Run(oneState, StateTestData.WriteBatch(temp.Path, "all2", SplitCorpus), options);

        // every other article: each half holds members of the same stories, published at interleaved times
        var a = SplitCorpus.Where((_, i) => i % 2 == 0).ToList();
        var b = SplitCorpus.Where((_, i) => i % 2 == 1).ToList();
        var state = Path.Combine(temp.Path, "state");
        var firstRun = StateTestData.Run(state, StateTestData.WriteBatch(temp.Path, "first", reversed ? b : a), options);
        StateTestData.Run(state, StateTestData.WriteBatch(temp.Path, "second", reversed ? a : b), options);

        var snapshot = StateTestData.Snapshot(state, options);
        StateTestData.AssertCloseToOneRun(single, snapshot);
        var one = StateTestData.Snapshot(oneState, options);
        Assert.Equal(one.DocumentCount, snapshot.DocumentCount);
        Assert.Equal(one.DocumentFrequency.OrderBy(p => p.Key, StringComparer.Ordinal), snapshot.DocumentFrequency.OrderBy(p => p.Key, StringComparer.Ordinal));
        StateTestData.AssertConsistent(snapshot);

        // yesterday's links still resolve: each first-run story id names, today, the story of one of its articles
        foreach (var story in firstRun.Stories)
        {
            var resolved = snapshot.Resolve(story.Id);
            Assert.NotNull(resolved);
            Assert.Contains(story.Members, m => snapshot.StoryOf[m] == resolved);
        }
    }

    [Fact]
    public void Run_SecondBatchMergesTwoStories_OlderIdSurvivesAndAliasRecorded()
    {
        using var temp = new TempDirectory();
        var options = StateTestData.Options();
        var state = Path.Combine(temp.Path, "state");
        var t = StateTestData.Start;
        var x = new TestArticle("x1", "", "harbour bridge collapse ferry traffic diverted engineers inspect cables overnight", t);
        var y = new TestArticle("y1", "", "ferry traffic council budget vote delayed mayor resigns amid protests downtown", t.AddHours(1));
        var first = StateTestData.Run(state, StateTestData.WriteBatch(temp.Path, "one", [x, y, .. Filler(t)]), options);
        var xStory = first.Articles.Single(a => a.Id == "x1").Dedup.StoryId;
        var yStory = first.Articles.Single(a => a.Id == "y1").Dedup.StoryId;
        Assert.NotEqual(xStory, yStory);

        // two reports covering both events bridge the stories
        var bridge = "harbour bridge collapse engineers inspect cables overnight council budget vote delayed mayor resigns amid protests downtown ferry traffic diverted";
        var second = StateTestData.Run(state, StateTestData.WriteBatch(temp.Path, "two",
        [
            new TestArticle("b1", "", bridge, t.AddDays(1)),
            new TestArticle("b2", "", bridge + " officials said", t.AddDays(1).AddHours(1)),
        ]), options);

        var snapshot = StateTestData.Snapshot(state, options);
        Assert.Equal(xStory, snapshot.StoryOf["x1"]);
        Assert.Equal(xStory, snapshot.StoryOf["y1"]);
        Assert.Equal(xStory, snapshot.StoryOf["b1"]);
        Assert.Equal(xStory, snapshot.Aliases[yStory]);
        Assert.Equal(xStory, snapshot.Resolve(yStory));
        Assert.DoesNotContain(yStory, snapshot.Stories);
        var merged = Assert.Single(second.Stories);
        Assert.Equal(xStory, merged.Id);
        Assert.Equal("x1", merged.LeadId);
        Assert.Equal(["x1", "y1", "b1", "b2"], merged.Members);
        StateTestData.AssertConsistent(snapshot);
    }

    [Theory]
    [InlineData("documents")]
    [InlineData("statistics")]
    [InlineData("edges")]
    [InlineData("commit")]
    public void Run_FailureInsideTheCommit_PreviousStateIntactAndUsable(string point)
    {
        using var temp = new TempDirectory();
        var options = StateTestData.Options();
        var a = StateTestData.WriteBatch(temp.Path, "a", Corpus.Where((_, i) => i % 2 == 0));
        var b = StateTestData.WriteBatch(temp.Path, "b", Corpus.Where((_, i) => i % 2 == 1));
        var state = Path.Combine(temp.Path, "state");
        var clean = Path.Combine(temp.Path, "clean");
        StateTestData.Run(state, a, options);
        StateTestData.Run(clean, a, options);
        var before = StateTestData.Snapshot(state, options);

        var e = Assert.Throws<IOException>(() => StateTestData.Run(state, b, options, fault: p =>
        {
            if (p == point)
                throw new IOException("simulated crash at " + p);
        }));
        Assert.Contains(point, e.Message);

        StateTestData.AssertSame(before, StateTestData.Snapshot(state, options));
        var retried = StateTestData.Run(state, b, options);
        var expected = StateTestData.Run(clean, b, options);
        StateTestData.AssertSame(StateTestData.Snapshot(clean, options), StateTestData.Snapshot(state, options));
        Assert.Equal(StateTestData.Outputs(expected), StateTestData.Outputs(retried));
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(30, true)]
    public void Run_EarlierArticleOutsideWindow_NotCompared(double windowDays, bool compared)
    {
        using var temp = new TempDirectory();
        var options = StateTestData.Options(windowDays);
        var state = Path.Combine(temp.Path, "state");
        var t = StateTestData.Start;
        var text = "harbour bridge collapse ferry traffic diverted engineers inspect cables overnight";
        StateTestData.Run(state, StateTestData.WriteBatch(temp.Path, "one", [new TestArticle("old", "", text, t), .. Filler(t)]), options);
        var second = StateTestData.Run(state, StateTestData.WriteBatch(temp.Path, "two", [new TestArticle("new", "", text + " again", t.AddDays(20))]), options);

        var result = Assert.Single(second.Articles);
        var snapshot = StateTestData.Snapshot(state, options);
        Assert.Equal(compared, snapshot.StoryOf["old"] == snapshot.StoryOf["new"]);
        Assert.Equal(compared ? "old" : null, result.Dedup.DuplicateOf);
        Assert.Equal(compared ? ["old", "new"] : ["new"], Assert.Single(second.Stories).Members);
        Assert.Equal(2, snapshot.DocumentFrequency["harbour"]); // statistics grow regardless of the window
    }

    [Fact]
    public void Run_UndatedArticles_WindowUsesTimeFirstSeen()
    {
        using var temp = new TempDirectory();
        var options = StateTestData.Options(windowDays: 7);
        var state = Path.Combine(temp.Path, "state");
        var clock = new ManualTime(StateTestData.Start);
        var text = "harbour bridge collapse ferry traffic diverted engineers inspect cables overnight";
        StateTestData.Run(state, StateTestData.WriteBatch(temp.Path, "one", [new TestArticle("old", "", text, null), .. Filler(StateTestData.Start)]), options, time: clock);
        clock.Now = StateTestData.Start.AddDays(3);
        StateTestData.Run(state, StateTestData.WriteBatch(temp.Path, "two", [new TestArticle("mid", "", text + " again", null)]), options, time: clock);
        clock.Now = StateTestData.Start.AddDays(30);
        StateTestData.Run(state, StateTestData.WriteBatch(temp.Path, "three", [new TestArticle("late", "", text + " once more", null)]), options, time: clock);

        var snapshot = StateTestData.Snapshot(state, options);
        Assert.Equal(snapshot.StoryOf["old"], snapshot.StoryOf["mid"]);
        Assert.NotEqual(snapshot.StoryOf["old"], snapshot.StoryOf["late"]);
    }

    [Fact]
    public void Run_ArticleSeenAgainWithNewText_ReplacedNotCountedTwice()
    {
        using var temp = new TempDirectory();
        var options = StateTestData.Options();
        var state = Path.Combine(temp.Path, "state");
        var t = StateTestData.Start;
        StateTestData.Run(state, StateTestData.WriteBatch(temp.Path, "one", [new TestArticle("a1", "", "volcano erupts island evacuated", t)]), options);
        StateTestData.Run(state, StateTestData.WriteBatch(temp.Path, "two", [new TestArticle("a1", "", "volcano erupts village evacuated", t)]), options);

        var snapshot = StateTestData.Snapshot(state, options);
        Assert.Equal(1, snapshot.DocumentCount);
        Assert.Equal(1, snapshot.DocumentFrequency["volcano"]);
        Assert.Equal(1, snapshot.DocumentFrequency["village"]);
        Assert.False(snapshot.DocumentFrequency.ContainsKey("island"));
    }

    [Fact]
    public void Run_StateBuiltWithOtherAnalysisSettings_ClearError()
    {
        using var temp = new TempDirectory();
        var state = Path.Combine(temp.Path, "state");
        var batch = StateTestData.WriteBatch(temp.Path, "one", Filler(StateTestData.Start));
        StateTestData.Run(state, batch, StateTestData.Options());
        var other = StateTestData.Options();
        other.Analysis.MaxNGram = 2;

        var e = Assert.Throws<CorpusStateException>(() => StateTestData.Run(state, batch, other));
        Assert.Contains("'analysis' settings", e.Message);
        Assert.Equal(3, StateTestData.Snapshot(state, other).DocumentCount);
    }

    [Fact]
    public void Run_StateBuiltWithOtherLinkThreshold_ClearError()
    {
        using var temp = new TempDirectory();
        var state = Path.Combine(temp.Path, "state");
        var batch = StateTestData.WriteBatch(temp.Path, "one", Filler(StateTestData.Start));
        StateTestData.Run(state, batch, StateTestData.Options());
        var other = StateTestData.Options();
        other.Dedup.LinkThreshold = 0.05;

        var e = Assert.Throws<CorpusStateException>(() => StateTestData.Run(state, batch, other));
        Assert.Contains("'dedup.linkThreshold' settings", e.Message);
    }

    [Fact]
    public void Run_InMemoryStateAndSqliteState_SameRunsBatchByBatch()
    {
        using var temp = new TempDirectory();
        var options = StateTestData.Options();
        var ordered = Corpus.OrderBy(a => a.Published).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var batches = new[] { ordered.Take(20), ordered.Skip(20).Take(15), ordered.Skip(35) }
            .Select((b, i) => StateTestData.WriteBatch(temp.Path, "batch" + i, b)).ToList();
        var sqlite = Path.Combine(temp.Path, "state");
        using var memory = new InMemoryCorpusState();

        foreach (var batch in batches)
        {
            var onDisk = StateTestData.Run(sqlite, batch, options);
            var inMemory = new PipelineRunner(options, NullLogger.Instance, state: memory).Run([batch]);
            Assert.Equal(StateTestData.Outputs(onDisk), StateTestData.Outputs(inMemory));
        }
        var snapshot = StateTestData.Snapshot(sqlite, options);
        Assert.Equal(snapshot.StoryOf.OrderBy(p => p.Key, StringComparer.Ordinal), memory.Documents.Select(d => KeyValuePair.Create(d.Id, d.StoryId)).OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(snapshot.Aliases.OrderBy(p => p.Key, StringComparer.Ordinal), memory.Aliases.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Run_BatchesOverManyWindows_TermsAndEdgesKeptOnlyWithinReach()
    {
        using var temp = new TempDirectory();
        var options = StateTestData.Options(windowDays: 2);
        var state = Path.Combine(temp.Path, "state");
        var text = "harbour bridge collapse ferry traffic diverted engineers inspect cables overnight";
        // one story a day for twelve days: two reports of it, one hour apart
        for (var day = 0; day < 12; day++)
        {
            var t = StateTestData.Start.AddDays(day);
            var word = "day" + (char)('a' + day);
            StateTestData.Run(state, StateTestData.WriteBatch(temp.Path, "d" + day,
                [new TestArticle($"{word}1", "", $"{text} {word} {word}", t), new TestArticle($"{word}2", "", $"{text} {word} {word} said", t.AddHours(1)), .. Filler(t).Select(f => f with { Id = f.Id + word })]), options);
        }

        var snapshot = StateTestData.Snapshot(state, options);
        Assert.Equal(12 * 5, snapshot.DocumentCount);
        // bags only within two windows (four days) of the latest article: days 7..11 (day 7 from its 1st hour on)
        Assert.InRange(snapshot.Bags, 4 * 5, 5 * 5);
        Assert.InRange(snapshot.Edges, 1, 5 * 20);
        // a story that goes on day after day keeps its id, its settled part included
        Assert.All(snapshot.StoryOf.Where(p => p.Key.StartsWith("day", StringComparison.Ordinal)), p => Assert.Equal(snapshot.StoryOf["daya1"], p.Value));
        StateTestData.AssertConsistent(snapshot);
    }

    /// <summary>Unrelated articles, so that IDF is not degenerate in the small synthetic batches.</summary>
    private static IEnumerable<TestArticle> Filler(DateTimeOffset t) =>
    [
        new("f1", "", "stock markets rallied as technology shares climbed on strong earnings reports", t.AddHours(2)),
        new("f2", "", "the national team won the championship final after extra time penalties", t.AddHours(3)),
        new("f3", "", "researchers published a study on sleep patterns and memory in adults", t.AddHours(4)),
    ];

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
