using ClassifyPipeline.Ingest;

namespace ClassifyPipeline.Tests.Ingest;

/// <summary>Runs a reader with a time limit, so a hang (entity expansion, a runaway loop) fails the test instead of stalling the run.</summary>
internal static class HostileInput
{
    public static List<ReadItem> Read(IByteArticleReader reader, string path, byte[] bytes, int seconds = 20)
    {
        var task = Task.Run(() => reader.Read(path, bytes, CancellationToken.None).ToList());
        Assert.True(task.Wait(TimeSpan.FromSeconds(seconds)), $"reading {Path.GetFileName(path)} did not finish within {seconds} s");
        return task.Result;
    }

    public static List<ReadItem> Read(IByteArticleReader reader, string xml, int seconds = 20) =>
        Read(reader, "/in/feed.xml", System.Text.Encoding.UTF8.GetBytes(xml), seconds);

    /// <summary>All text an outcome holds (article fields and rejection reasons), for asserting that something never leaks.</summary>
    public static string AllText(IEnumerable<ReadItem> items) =>
        string.Join("\n", items.Select(i => i.Article is { } a
            ? $"{a.Id}|{a.Source}|{a.Url}|{a.Title}|{a.Body}"
            : $"{i.Rejection!.Location}|{i.Rejection.Reason}"));

    public static string Rss(string items, string channelTitle = "The Daily", string prolog = "<?xml version=\"1.0\" encoding=\"utf-8\"?>") =>
        $"""
        {prolog}
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
        <title>{channelTitle}</title>
        <link>https://daily.example/</link>
        <description>news</description>
        {items}
        </channel>
        </rss>
        """;

    public static string Item(int n, string? body = null, string? title = null, string? date = "Mon, 23 Nov 2026 10:00:00 GMT") =>
        $"""
        <item>
          <title>{title ?? $"Story number {n}"}</title>
          <link>https://daily.example/{n}</link>
          <guid isPermaLink="false">daily-{n}</guid>
          {(date is null ? "" : $"<pubDate>{date}</pubDate>")}
          <description>{body ?? $"The text of story {n} about the harbour."}</description>
        </item>
        """;
}
