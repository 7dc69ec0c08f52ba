using ClassifyPipeline.Ingest;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Ingest;

public sealed class InputResolverRunFolderTests
{
    [Fact]
    public void Resolve_FolderHoldingAPreviousRun_SkipsTheRunOutputs()
    {
        using var temp = new TempDirectory();
        var feed = temp.File("feeds/a.rss", "<rss/>");
        temp.File("feeds/out/run.json", "{}");
        temp.File("feeds/out/report.html", "<html></html>");
        temp.File("feeds/out/sub/articles.jsonl", "{}");
        var ingestor = new ArticleIngestor(new IngestOptions());

        var (files, errors) = InputResolver.Resolve([Path.Combine(temp.Path, "feeds")], ingestor.Handles);

        Assert.Empty(errors);
        Assert.Equal([feed], files);
    }

    [Fact]
    public void Resolve_RunFolderItself_IsWalkedWhenNamed()
    {
        using var temp = new TempDirectory();
        temp.File("run/run.json", "{}");
        var page = temp.File("run/report.html", "<html></html>");
        var ingestor = new ArticleIngestor(new IngestOptions());

        var (files, _) = InputResolver.Resolve([Path.Combine(temp.Path, "run", "report.html")], ingestor.Handles);

        Assert.Equal([page], files);
    }
}
