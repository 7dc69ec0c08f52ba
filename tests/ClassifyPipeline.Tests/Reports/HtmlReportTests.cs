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

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
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
        Assert.Equal(4, sources.Count);
        Assert.All(sources, s => Assert.StartsWith("data:image/png;base64,", s));
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(", html);
        Assert.Contains("default-src 'none'", html);
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

        Assert.Equal(4, Regex.Matches(html, "class=\"nodata\"").Count);
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
