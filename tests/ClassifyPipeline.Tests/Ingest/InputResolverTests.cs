using ClassifyPipeline.Ingest;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Ingest;

public sealed class InputResolverTests
{
    private static readonly Func<string, bool> Readable = new ArticleIngestor(new IngestOptions()).Handles;

    [Fact]
    public void Resolve_FolderFileAndGlob_SortedAndDistinct()
    {
        using var temp = new TempDirectory();
        var b = temp.File("sub/b.txt", "b");
        var a = temp.File("a.jsonl", "{}");
        temp.File("sub/skip.bin", "x");
        var (files, errors) = InputResolver.Resolve([temp.Path, a, System.IO.Path.Combine(temp.Path, "sub", "*.txt")], Readable);
        Assert.Empty(errors);
        Assert.Equal(new[] { a, b }.OrderBy(f => f, StringComparer.Ordinal), files);
    }

    [Fact]
    public void Resolve_MissingInputs_AreAllReported()
    {
        using var temp = new TempDirectory();
        var (_, errors) = InputResolver.Resolve(["/no/such/file.txt", System.IO.Path.Combine(temp.Path, "*.csv"), temp.Path], Readable);
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("input not found"));
        Assert.Contains(errors, e => e.Contains("no files match"));
        Assert.Contains(errors, e => e.Contains("no readable files"));
    }
}
