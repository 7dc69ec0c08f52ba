using System.Diagnostics;
using ClassifyPipeline.IO;
using ClassifyPipeline.Reports;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Reports;

/// <summary>
/// Opens report.html in headless Chromium (Debian's <c>chromium</c>, installed by <c>.ci/run</c>) and checks the
/// rendered DOM: the stories are there, and a title holding markup and script is shown as text and runs nothing.
/// In CI (<c>CI=true</c>) a missing browser fails the test; elsewhere it is reported as skipped, by name.
/// </summary>
public sealed class BrowserReportTests
{
    [SkippableFact]
    public void ReportHtml_InChromium_ShowsStoriesAndRunsNoScript()
    {
        var chromium = FindChromium();
        if (chromium is null)
        {
            const string message = "chromium is not installed (apt-get install -y chromium fonts-dejavu-core; .ci/run does this)";
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), message);
            Skip.If(true, message);
        }

        using var temp = new TempDirectory();
        var page = Path.Combine(temp.Path, "report.html");
        AtomicFile.WriteText(page, w => HtmlReport.Write(w, ReportSamples.Model()));

        // the address asks the table script to sort by the first column, descending, and to filter on "reopens"
        var dom = DumpDom(chromium!, new Uri(page).AbsoluteUri + "#sort=0&order=desc&filter=reopens", Path.Combine(temp.Path, "profile"));

        Assert.Contains("id=\"story-1\"", dom);
        Assert.Contains("id=\"story-2\"", dom);
        Assert.Contains("id=\"story-3\"", dom);
        Assert.Contains("Harbour reopens to cargo ships", dom);
        // The hostile title is present as text (re-serialized with its brackets escaped) ...
        Assert.Contains("&lt;script&gt;document.title='PWNED'", dom);
        Assert.Contains("&lt;b id=\"injected\"&gt;Mayor&lt;/b&gt; resigns", dom);
        // ... and nothing in it became an element or ran.
        Assert.DoesNotContain("id=\"injected\"><", dom);
        // the one script that ran is the report's own (allowed by its hash), and it sorted and filtered the story table
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(dom, "<script", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        Assert.DoesNotContain("data-pwned=\"", dom);
        Assert.Matches("<body data-table=\"ready\">\\s*<h1>", dom);
        var table = dom[dom.IndexOf("<table id=\"stories-table\">", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        var rows = System.Text.RegularExpressions.Regex.Matches(table, "<tr( hidden=\"\")?><td data-v=\"(\\d+)\"").Select(m => (Hidden: m.Groups[1].Success, Rank: m.Groups[2].Value)).ToList();
        Assert.Equal([(true, "3"), (true, "2"), (false, "1")], rows);
        Assert.Contains("aria-sort=\"descending\"", table);
        Assert.Contains("<span id=\"shown\">1</span> of 3 stories shown", dom);
        // the thread section: its timeline, earliest story first, with dates and the first outlet to report each
        Assert.Contains("id=\"thread-t-port\"", dom);
        Assert.Matches("<td>2025-06-01</td><td>Dockers strike at the harbour <code>s-strike</code></td><td>3</td><td>harbour gazette</td>", dom);
        Assert.DoesNotContain("<title>PWNED", dom);
        Assert.Contains("<title>ClassifyPipeline report</title>", dom);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(dom, "<img src=\"data:image/png").Count);
        Assert.Contains("alt=\"Threads over time\"", dom);
    }

    private static string DumpDom(string chromium, string url, string profile)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", $"--user-data-dir={profile}", "--virtual-time-budget=2000", "--dump-dom",
            url,
        })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within 90 s");
        }
        var dom = stdout.Result;
        Assert.True(process.ExitCode == 0 && dom.Contains("</html>"), $"chromium exited {process.ExitCode}: {stderr.Result}");
        return dom;
    }

    private static string? FindChromium()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }
}
