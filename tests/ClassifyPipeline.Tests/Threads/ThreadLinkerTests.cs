using ClassifyPipeline.Corpus;
using ClassifyPipeline.Threads;

namespace ClassifyPipeline.Tests.Threads;

public sealed class ThreadLinkerTests
{
    private static StorySummary Story(string id, int day, string thread, params string[] terms) =>
        new(id, thread, id + "-lead", null, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(day), null, 1, [], null,
            terms.Select(t => new ProfileTerm(t, (float)(1 / Math.Sqrt(terms.Length)))).ToList());

    [Fact]
    public void Cluster_SameSubjectYearsApart_OneThread_OtherSubjectApart()
    {
        var stories = new[]
        {
            Story("a", 0, "", "kerry", "lavrov", "syria", "geneva"),
            Story("b", 400, "", "kerry", "lavrov", "syria", "aleppo"),
            Story("c", 800, "", "ebola", "texas", "hospital", "nurse"),
            Story("d", 1200, "", "kerry", "lavrov", "geneva", "ceasefire"),
        };

        var labels = ThreadLinker.Cluster(stories, new ThreadOptions(), CancellationToken.None);

        Assert.Equal([0, 0, 2, 0], labels);
    }

    [Fact]
    public void Name_TwoStoredThreadsJoined_EarliestKeepsItsIdAndTheOtherBecomesAnAlias()
    {
        var stories = new[] { Story("a", 0, "t-old"), Story("b", 5, "t-young"), Story("c", 9, "") };

        var (threadOf, aliases) = ThreadLinker.Name(stories, [0, 0, 0], [], id => id is "t-old" or "t-young");

        Assert.Equal(["t-old", "t-old", "t-old"], threadOf);
        Assert.Equal(new Dictionary<string, string> { ["t-young"] = "t-old" }, aliases);
    }

    [Fact]
    public void Name_StoredThreadSplit_EarlierPartKeepsTheIdLaterPartGetsANewOne()
    {
        var stories = new[] { Story("a", 0, "t-old"), Story("b", 5, "t-old") };

        var (threadOf, aliases) = ThreadLinker.Name(stories, [0, 1], [], id => id == "t-old");

        Assert.Equal("t-old", threadOf[0]);
        Assert.NotEqual("t-old", threadOf[1]);
        Assert.StartsWith("t", threadOf[1]);
        Assert.Empty(aliases);
    }

    [Fact]
    public void Name_ThreadWhoseStoriesWereAllMergedAway_AliasOfTheThreadOfTheStoryTheyWentInto()
    {
        var stories = new[] { Story("a", 0, "t-a") };

        var (_, aliases) = ThreadLinker.Name(stories, [0], [("t-gone", "a")], id => id is "t-a" or "t-gone");

        Assert.Equal(new Dictionary<string, string> { ["t-gone"] = "t-a" }, aliases);
    }
}
