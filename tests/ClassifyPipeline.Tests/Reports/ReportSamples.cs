using ClassifyPipeline.Articles;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Reports;

namespace ClassifyPipeline.Tests.Reports;

/// <summary>A small report model with every feature the reports show, and hostile article text.</summary>
internal static class ReportSamples
{
    public const string HostileTitle = "<script>document.title='PWNED';document.body.setAttribute('data-pwned','1')</script><img src=x onerror=\"document.body.setAttribute('data-pwned','2')\"><b id=\"injected\">Mayor</b> resigns";

    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    public static ReportModel Model()
    {
        ReportArticle A(string id, string title, string source, int hours, string storyId, string? topic, string? stance,
            string? duplicateOf = null, double? dupSim = null, double? storySim = null, string? url = null) =>
            new(id, title, source, url ?? $"https://{source}.example/{id}", T0.AddHours(hours), topic, stance, stance is null ? null : 0.8,
                storyId, duplicateOf, dupSim, storySim, storyId switch { "s-harbour" => "t-port", "s-mayor" => "t-mayor", _ => "t-weather" });

        var articles = new List<ReportArticle>
        {
            A("h1", "Harbour reopens to cargo ships", "daily", 0, "s-harbour", "economy", null, storySim: 0.62),
            A("h2", "Harbour reopens to cargo ships", "wire", 5, "s-harbour", "economy", "agree", "h1", 0.97, 0.97),
            A("h3", "Cargo returns as harbour reopens", "gazette", 30, "s-harbour", "economy", "discuss", storySim: 0.62),
            A("h4", "Harbour reopens to cargo ships", "blog", 50, "s-harbour", "economy", "agree", "h1", 0.91, 0.97),
            A("m1", HostileTitle, "daily", 10, "s-mayor", "politics", null, storySim: 0.45, url: "javascript:document.body.setAttribute('data-pwned','3')"),
            A("m2", "Mayor steps down", "wire", 12, "s-mayor", "politics", "disagree", storySim: 0.45),
            A("w1", "Weather: rain all week", "daily", 20, "s-weather", null, null),
        };
        var stories = new List<Story>
        {
            new("s-harbour", "h1", ["h1", "h2", "h3", "h4"],
            [
                new SimilarityEdge("h1", "h2", 0.97, EdgeTier.Duplicate, ["harbour", "cargo", "reopens"]),
                new SimilarityEdge("h1", "h4", 0.91, EdgeTier.Duplicate, ["harbour", "ships"]),
                new SimilarityEdge("h1", "h3", 0.62, EdgeTier.Story, ["harbour", "<b>cargo</b>"]),
            ]),
            new("s-mayor", "m1", ["m1", "m2"], [new SimilarityEdge("m1", "m2", 0.45, EdgeTier.Story, ["mayor", "resigns"])]),
            new("s-weather", "w1", ["w1"], []),
        };
        var rejections = new List<Rejection> { new("/abs/path/feed.rss", "item 3 (line 40)", "malformed item: <oops> & more") };
        // a thread: two earlier stories (not among this run's articles) and the harbour story
        var threads = new List<ReportThread>
        {
            new("t-port", ["harbour", "cargo", "port", "strike"],
            [
                new("s-strike", "x1", "Dockers strike at the harbour", new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 6, 1, 18, 0, 0, TimeSpan.Zero), 3, "harbour gazette", ["harbour gazette", "wire"]),
                new("s-closed", "x4", HostileTitle, new DateTimeOffset(2025, 9, 3, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 9, 5, 0, 0, 0, TimeSpan.Zero), 2, null, []),
                new("s-harbour", "h1", "Harbour reopens to cargo ships", T0, T0.AddHours(50), 4, "daily", ["blog", "daily", "gazette", "wire"]),
            ]),
            new("t-mayor", ["mayor"], [new("s-mayor", "m1", HostileTitle, T0.AddHours(10), T0.AddHours(12), 2, "daily", ["daily", "wire"])]),
        };
        return new ReportModel(articles, stories, rejections) { Threads = threads };
    }

    /// <summary>
    /// A synthetic model past every cap of <see cref="ReportLimits"/>: <paramref name="bigStories"/> stories of
    /// <paramref name="bigStorySize"/> articles (half of them re-publications), the rest of
    /// <paramref name="articlesPerStory"/>, spread over a year, and <paramref name="threads"/> threads of 40 stories.
    /// </summary>
    public static ReportModel Large(int stories, int articlesPerStory, int bigStories, int bigStorySize, int threads)
    {
        var articles = new List<ReportArticle>();
        var storyList = new List<Story>();
        for (var s = 0; s < stories; s++)
        {
            var size = s < bigStories ? bigStorySize : articlesPerStory;
            var members = new List<string>();
            for (var k = 0; k < size; k++)
            {
                var id = $"a{s}-{k}";
                members.Add(id);
                var dup = s < bigStories && k % 2 == 1 ? $"a{s}-0" : null;
                articles.Add(new ReportArticle(id, $"Story {s} article {k}: a headline of ordinary length for a news article", $"outlet{(s + k) % 300}",
                    $"https://outlet{(s + k) % 300}.example/{id}", T0.AddHours(s % 8000 + k), "economy", null, null, $"s{s}", dup, dup is null ? null : 0.95, 0.5,
                    $"t{s % Math.Max(1, threads)}"));
            }
            storyList.Add(new Story($"s{s}", members[0], members, members.Skip(1).Select(m => new SimilarityEdge(members[0], m, 0.5, EdgeTier.Story, ["alpha", "beta"])).ToList()));
        }
        var threadList = Enumerable.Range(0, threads).Select(t => new ReportThread($"t{t}", ["alpha", "beta", $"term{t}"],
            Enumerable.Range(0, 40).Select(k => new ReportThreadStory($"s{t + k * threads}", $"a{t + k * threads}-0", $"Story {t + k * threads}", T0.AddDays(k), T0.AddDays(k + 1), articlesPerStory, "outlet1",
                Enumerable.Range(0, 20).Select(o => $"outlet{o}").ToList())).ToList())).ToList();
        return new ReportModel(articles, storyList, []) { Threads = threadList };
    }

    public static ReportModel Empty() => new([], [], []);
}
