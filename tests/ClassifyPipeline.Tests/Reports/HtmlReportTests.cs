using System.Text.RegularExpressions;
using ClassifyPipeline.Reports;

namespace ClassifyPipeline.Tests.Reports;

public sealed class HtmlReportTests
{
    private static string Render(ReportModel model)
    {
        var w = new StringWriter();
        HtmlReport.Write(w, model);
        return w.ToString();
    }

    [Fact]
    public void Write_HostileTitle_IsEncodedNotMarkup()
    {
        var html = Render(ReportSamples.Model());

        // the one script is the report's own, allowed by its hash; nothing from an article became one
        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.Contains($"<script>{ReportScript.Text}</script>", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<b id=\"injected\">", html);
        Assert.Contains("&lt;script&gt;document.title=&#39;PWNED&#39;", html);
        Assert.Contains("&lt;b&gt;cargo&lt;/b&gt;", html);
        Assert.Contains("&lt;oops&gt; &amp; more", html);
    }

    [Fact]
    public void Write_JavascriptUrl_IsNotALink()
    {
        var html = Render(ReportSamples.Model());

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://wire.example/m2\"", html);
    }

    [Fact]
    public void Write_Page_IsSelfContained()
    {
        var html = Render(ReportSamples.Model());

        var sources = Regex.Matches(html, "\\ssrc=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(5, sources.Count); // four charts and the threads' timeline
        Assert.All(sources, s => Assert.StartsWith("data:image/png;base64,", s));
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(", html);
        Assert.Contains("default-src 'none'", html);
        Assert.Contains($"script-src {ReportScript.Hash}\"", html);
        Assert.DoesNotContain("unsafe-inline'; img-src data:; script-src 'unsafe", html);
    }

    [Fact]
    public void Write_Thread_TimelineWithDatesOutletsAndFirstOutlet()
    {
        var html = Render(ReportSamples.Model());

        var section = html[html.IndexOf("<section class=\"thread\" id=\"thread-t-port\">", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("Thread <code>t-port</code>: 3 stories, 9 articles, 2025-06-01 to 2026-11-22.", section);
        var rows = Regex.Matches(section, "<tr class=\"thread-story\">(.*?)</tr>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, rows.Count);
        Assert.StartsWith("<td>2025-06-01</td>", rows[0]);
        Assert.Contains("<td>harbour gazette</td>", rows[0]);
        Assert.StartsWith("<td>2026-11-20 to 2026-11-22</td><td><a href=\"#story-1\">Harbour reopens to cargo ships</a>", rows[2]);
        Assert.Contains("<td>daily</td><td>blog, daily, gazette, wire</td>", rows[2]);
        // the overview links the thread, and the story table says which thread each story is in
        Assert.Contains("<a href=\"#thread-t-port\">harbour, cargo, port, strike</a> — 3 stories, 9 articles", html);
    }

    [Fact]
    public void Write_Outlets_FirstToReportAndWhoRepublishedWhom()
    {
        var html = Render(ReportSamples.Model());

        Assert.Contains("<tr><td>daily</td><td>2</td></tr>", html);
        Assert.Contains("<tr><td>daily</td><td>wire</td><td>1</td></tr>", html);
        Assert.Contains("<tr><td>daily</td><td>blog</td><td>1</td></tr>", html);
    }

    [Fact]
    public void Write_StoryTable_OneSortableRowPerStoryWithSortKeys()
    {
        var html = Render(ReportSamples.Model());

        var table = html[html.IndexOf("<table id=\"stories-table\">", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(3, Regex.Matches(table, "<tr><td data-v=").Count);
        Assert.Contains("<th data-type=\"num\">articles</th>", table);
        Assert.Contains("<td data-v=\"2026-11-20T08:00:00\">2026-11-20 08:00 UTC</td><td>daily</td>", table);
    }

    [Fact]
    public void Write_CorpusBeyondEveryCap_StaysSmallAndSaysWhatItLeftOut()
    {
        var small = Render(ReportSamples.Large(stories: ReportLimits.TableStories + 500, articlesPerStory: 4, bigStories: 60, bigStorySize: 200, threads: 40));
        var large = Render(ReportSamples.Large(stories: 2 * ReportLimits.TableStories, articlesPerStory: 8, bigStories: 120, bigStorySize: 400, threads: 80));

        Assert.Contains("(the largest; 500 more in stories.jsonl)", small);
        Assert.Contains("more articles of this story in articles.jsonl", small);
        Assert.Contains("more stories are in the table above", small);
        Assert.Equal(ReportLimits.FullStories, Regex.Matches(large, "<section class=\"story\"").Count);
        Assert.Equal(ReportLimits.Threads, Regex.Matches(large, "<section class=\"thread\"").Count);
        Assert.Equal(ReportLimits.TableStories, Regex.Matches(large, "<tr><td data-v=").Count);
        // twice the articles, stories and threads beyond the caps: the page hardly grows, and stays far under 5 MB
        Assert.True(large.Length < 5_000_000 / 2, $"report.html is {large.Length:N0} characters");
        Assert.True(large.Length < small.Length * 1.1, $"{small.Length:N0} → {large.Length:N0} characters");
        var md = new StringWriter();
        MarkdownReport.Write(md, ReportSamples.Large(stories: 2 * ReportLimits.TableStories, articlesPerStory: 8, bigStories: 120, bigStorySize: 400, threads: 80));
        Assert.True(md.ToString().Length < 1_000_000, $"report.md is {md.ToString().Length:N0} characters");
    }

    [Fact]
    public void Write_Charts_ArePngImages()
    {
        var html = Render(ReportSamples.Model());

        foreach (Match m in Regex.Matches(html, "src=\"data:image/png;base64,([^\"]*)\""))
        {
            var png = Convert.FromBase64String(m.Groups[1].Value);
            Assert.True(png.Length > 1000);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        }
    }

    [Fact]
    public void Write_NoData_ShowsNotesInsteadOfCharts()
    {
        var html = Render(ReportSamples.Empty());

        Assert.Equal(4, Regex.Matches(html, "<figure><figcaption>[^<]*</figcaption><p class=\"nodata\"").Count);
        Assert.Contains("No data: no two stories continue one subject.", html);
        Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public void Write_Stories_SortedByCoverageWithChainsAndLabels()
    {
        var html = Render(ReportSamples.Model());

        var harbour = html.IndexOf("id=\"story-1\"", StringComparison.Ordinal);
        var mayor = html.IndexOf("id=\"story-2\"", StringComparison.Ordinal);
        var weather = html.IndexOf("id=\"story-3\"", StringComparison.Ordinal);
        Assert.True(harbour >= 0 && harbour < mayor && mayor < weather);
        Assert.Contains("#1 Harbour reopens to cargo ships", html);
        Assert.Contains("4 article(s) from 4 source(s)", html);
        Assert.Contains("daily <code>h1</code> → wire <code>h2</code> (0.970), blog <code>h4</code> (0.910)", html);
        Assert.Contains("<td>economy</td><td>agree (0.800)</td>", html);
        Assert.Contains("harbour, cargo, reopens", html);
    }
}
