using System.Text;
using AngleSharp.Html.Parser;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Metadata;

namespace ClassifyPipeline.Tests.Metadata;

/// <summary>Random and hostile input for the metadata readers: they never throw, finish in time, and give the same answer twice.</summary>
public sealed class MetadataRandomInputTests
{
    private static readonly string[] Pieces =
    [
        "By ", "|", "Published on ", "Updated ", "05/09/2013", "15.10.2016", "2020-01-18T23:30:00-05:00", "January 18, 2020", "(Reuters) - ",
        "USPA NEWS - ", "LAUSANNE, SWITZERLAND, ", "©", " and ", ", ", "Thursday", "<b>", "</b>", "&amp;", "\u202E", "\uD83D\uDE00", "\u0000",
        "Front Section, Pages 5 on ", "12:30 PM ET", "年", "月", "日", " ", "\n", "x", "99/99/9999", "0000-00-00", "31.02.2020",
    ];

    private static string RandomText(Random random, int pieces)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pieces; i++)
            sb.Append(Pieces[random.Next(Pieces.Length)]);
        return sb.ToString();
    }

    [Fact]
    public void Readers_RandomText_NeverThrowAndAreDeterministic()
    {
        var random = new Random(42);
        var reader = new TextMetadataReader(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));
        for (var n = 0; n < 500; n++)
        {
            var text = RandomText(random, random.Next(1, 60));
            var lines = text.Split('\n');
            Assert.Equal(reader.Read(lines), reader.Read(lines), MetadataComparer.Instance);
            _ = Bylines.Read(text);
            _ = Agencies.CreditAtStart(text);
            _ = UrlDate.Of("https://example.com/" + Uri.EscapeDataString(text));
            _ = DateFinder.FindAll(text, twoDigitYears: true);
        }
    }

    [Fact]
    public async Task HtmlReader_HostilePage_FinishesAndKeepsTheText()
    {
        var nested = string.Concat(Enumerable.Repeat("<div class=\"date related\">", 3000)) + "<p>Deep text</p>" + string.Concat(Enumerable.Repeat("</div>", 3000));
        var times = string.Concat(Enumerable.Repeat("<time datetime=\"2099-01-01\">x</time><span class=\"byline\">By 99/99/9999</span>", 1000));
        var paragraphs = string.Concat(Enumerable.Repeat("<p>The harbour reopened on Monday after ten years of closure, the council said.</p>", 20));
        var html = $"<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; Harbour</title></head><body>{nested}{times}<article>{paragraphs}</article></body></html>";

        var task = Task.Run(() => new HtmlArticleReader().Read("/in/hostile.html", html, CancellationToken.None).ToList());
        Assert.Same(task, await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(60))));

        var article = Assert.Single(await task).Article!;
        Assert.Contains("The harbour reopened on Monday", article.Body);
        Assert.Null(article.Published); // 2099 is in the future, 99/99/9999 no date
        Assert.Equal("<script>alert(1)</script> Harbour", article.Title);
    }

    [Fact]
    public void HtmlMetadataReader_NoHeadNoBody_GivesNothing()
    {
        var m = new HtmlMetadataReader(DateTimeOffset.UnixEpoch.AddYears(56)).Read(new HtmlParser().ParseDocument(""));
        Assert.Equal(new PageMetadata(null, null, null, null, null, null, null, null), m);
    }

    private sealed class MetadataComparer : IEqualityComparer<TextMetadata>
    {
        public static readonly MetadataComparer Instance = new();

        public bool Equals(TextMetadata? x, TextMetadata? y) =>
            x!.Published == y!.Published && x.Modified == y.Modified && x.Author == y.Author && x.Source == y.Source && x.MetadataLines.SetEquals(y.MetadataLines);

        public int GetHashCode(TextMetadata obj) => 0;
    }
}
