using System.Collections.Concurrent;
using ClassifyPipeline.State;

namespace ClassifyPipeline.Tests.State;

public sealed class TermCountsTests
{
    [Fact]
    public void From_WithPool_SameCountsAndOneStringPerTermAcrossArticles()
    {
        var pool = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        // fresh string instances, as each article's analysis makes them
        string[] Article(params string[] terms) => terms.Select(t => new string(t.AsSpan())).ToArray();
        var first = Article("peace", "talks", "peace");
        var second = Article("talks", "war");

        var a = TermCounts.From(first, pool);
        var b = TermCounts.From(second, pool);

        Assert.True(a.SameAs(TermCounts.From(first)));
        Assert.True(b.SameAs(TermCounts.From(second)));
        Assert.Equal(["peace", "talks"], a.Terms);
        Assert.Equal([2, 1], a.Counts);
        Assert.Same(a.Terms[1], b.Terms[0]);
        Assert.NotSame(second[0], b.Terms[0]);
    }
}
