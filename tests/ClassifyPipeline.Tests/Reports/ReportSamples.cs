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
                storyId, duplicateOf, dupSim, storySim);

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
        return new ReportModel(articles, stories, rejections);
    }

    public static ReportModel Empty() => new([], [], []);
}
