using ClassifyPipeline.Corpus;
using ClassifyPipeline.Dedup;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class StoryMappingTests
{
    private static readonly DateTimeOffset T = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_StorySplits_ClusterHoldingItsLeadKeepsTheId()
    {
        // stored story X = {a, b}, lead a; a new earlier article n now clusters with b, while a stands alone
        var times = new Dictionary<string, int> { ["n"] = 0, ["a"] = 1, ["b"] = 3 };
        var mapping = Build(times,
            clusters: [Cluster("sNB", "n", "b"), Cluster("sA", "a")],
            stored: new() { ["X"] = ["a", "b"] });

        Assert.Equal("X", mapping.FinalIds["sA"]);
        Assert.Equal("sNB", mapping.FinalIds["sNB"]);
        Assert.Equal(["sNB"], mapping.NewStories);
        Assert.Empty(mapping.Aliases);
    }

    [Fact]
    public void Build_TwoStoriesMerge_OlderLeadSurvivesOtherBecomesAlias()
    {
        var times = new Dictionary<string, int> { ["a"] = 2, ["b"] = 1, ["c"] = 5 };
        var mapping = Build(times,
            clusters: [Cluster("sB", "b", "a", "c")],
            stored: new() { ["X"] = ["a"], ["Y"] = ["b"] });

        Assert.Equal("Y", mapping.FinalIds["sB"]);
        Assert.Equal("Y", mapping.Aliases["X"]);
        Assert.Empty(mapping.NewStories);
    }

    [Fact]
    public void Build_StoryWithMembersOutsideWindow_NotAliasedWhenItsWindowMembersMove()
    {
        // stored Y = {o (outside the window), w}; stored Z = {z}; w now joins Z's cluster
        var times = new Dictionary<string, int> { ["o"] = 0, ["z"] = 1, ["w"] = 2 };
        var mapping = Build(times,
            clusters: [Cluster("sZ", "z", "w")],
            stored: new() { ["Y"] = ["o", "w"], ["Z"] = ["z"] },
            outsideWindow: ["o"]);

        Assert.Equal("Z", mapping.FinalIds["sZ"]);
        Assert.Empty(mapping.Aliases);
    }

    [Fact]
    public void Build_NewIdAlreadyTaken_Suffixed()
    {
        var times = new Dictionary<string, int> { ["a"] = 0 };
        var mapping = Build(times, clusters: [Cluster("sA", "a")], stored: [], taken: ["sA"]);

        Assert.Equal("sA-2", mapping.FinalIds["sA"]);
    }

    private static Story Cluster(string id, params string[] members) => new(id, members[0], members, []);

    private static StoryMapping Build(
        Dictionary<string, int> hours,
        IReadOnlyList<Story> clusters,
        Dictionary<string, string[]> stored,
        string[]? outsideWindow = null,
        string[]? taken = null)
    {
        var storedMembers = stored.ToDictionary(
            p => p.Key,
            p => p.Value.Select(m => new CorpusDocument(m, T.AddHours(hours[m]), T, p.Key, null, null, null, 0, null, null)).ToList());
        var storedStoryOf = stored.SelectMany(p => p.Value.Select(m => (m, p.Key)))
            .Where(p => !(outsideWindow ?? []).Contains(p.m))
            .ToDictionary(p => p.m, p => p.Key);
        var order = Comparer<string>.Create((x, y) =>
        {
            var c = hours[x].CompareTo(hours[y]);
            return c != 0 ? c : string.CompareOrdinal(x, y);
        });
        return StoryMapping.Build(clusters, storedStoryOf, storedMembers, id => !(outsideWindow ?? []).Contains(id), order, id => (taken ?? []).Contains(id));
    }
}
