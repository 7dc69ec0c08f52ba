using ClassifyPipeline.Articles;
using ClassifyPipeline.Ingest;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Ingest;

/// <summary>No file can stop a batch: a reader that throws, wherever, costs only the rest of its own file.</summary>
public sealed class ReaderGuardTests
{
    /// <summary>Reads <c>.boom</c> files whose text says what to do: "ok N" yields an article, "throw", "cancel", "oom" throw.</summary>
    private sealed class ScriptedReader(bool throwOnCall = false) : IArticleReader
    {
        public bool CanRead(string path) => path.EndsWith(".boom", StringComparison.Ordinal);

        public IEnumerable<ReadItem> Read(string path, string content, CancellationToken cancellationToken)
        {
            if (throwOnCall && content.StartsWith("throw", StringComparison.Ordinal))
                throw new InvalidOperationException("the reader failed before it began");
            return Lines(path, content);
        }

        private static IEnumerable<ReadItem> Lines(string path, string content)
        {
            var n = 0;
            foreach (var line in content.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                n++;
                switch (line)
                {
                    case "throw": throw new InvalidOperationException("a bug in the parser");
                    case "cancel": throw new OperationCanceledException("spurious");
                    case "oom": throw new OutOfMemoryException();
                    case "empty": yield return default; break;
                    case "bad": yield return ReadItem.Rejected(path, $"line {n}", "bad line"); break;
                    default:
                        yield return ReadItem.Of(new Article($"{Path.GetFileName(path)}-{n}", null, null, null, line, null) { Input = new(path, $"line {n}") });
                        break;
                }
            }
        }
    }

    private static (ArticleIngestor Ingestor, TempDirectory Temp) Setup(bool throwOnCall = false) =>
        (new ArticleIngestor(new IngestOptions(), [new ScriptedReader(throwOnCall), .. ArticleIngestor.DefaultReaders()]), new TempDirectory());

    private static string Describe(ReadItem i) => i.Article is { } a ? a.Id : $"{Path.GetFileName(i.Rejection!.Input)} {i.Rejection.Location}: {i.Rejection.Reason}";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_ReaderThrowsAtFileStart_FileIsRejectedAndTheBatchGoesOn(bool throwOnCall)
    {
        var (ingestor, temp) = Setup(throwOnCall);
        using var _ = temp;
        var before = temp.File("a.jsonl", "{\"id\": \"a1\", \"text\": \"first\"}\n");
        var boom = temp.File("b.boom", "throw\nnever read");
        var after = temp.File("c.jsonl", "{\"id\": \"c1\", \"text\": \"last\"}\n");

        var items = ingestor.Read([before, boom, after]).ToList();

        Assert.Equal(3, items.Count);
        Assert.Equal(["a1", "c1"], items.Where(i => i.Article is not null).Select(i => i.Article!.Id));
        var rejection = items[1].Rejection!;
        Assert.Equal((boom, (string?)null), (rejection.Input, rejection.Location));
        Assert.StartsWith(ReaderGuard.Marker, rejection.Reason);
        Assert.Contains("at the start of the file", rejection.Reason);
        Assert.Contains("InvalidOperationException", rejection.Reason);
    }

    [Fact]
    public void Read_ReaderThrowsMidFile_KeepsWhatCameBeforeAndSaysWhereItStopped()
    {
        var (ingestor, temp) = Setup();
        using var _ = temp;
        var boom = temp.File("b.boom", "one\nbad\nthree\nthrow\nfive");
        var after = temp.File("c.jsonl", "{\"id\": \"c1\", \"text\": \"last\"}\n");

        var items = ingestor.Read([boom, after]).Select(Describe).ToList();

        Assert.Equal(5, items.Count);
        Assert.Equal(["b.boom-1", "b.boom line 2: bad line", "b.boom-3"], items[..3]);
        Assert.StartsWith($"b.boom after line 3: {ReaderGuard.Marker} (a bug): InvalidOperationException: a bug in the parser", items[3]);
        Assert.EndsWith("the rest of the file was not read", items[3]);
        Assert.Equal("c1", items[4]);
    }

    [Fact]
    public void Read_Twice_YieldsTheSameSequenceRejectionsIncluded()
    {
        var (ingestor, temp) = Setup();
        using var _ = temp;
        string[] files = [temp.File("a.boom", "one\nthrow"), temp.File("b.boom", "empty"), temp.File("c.boom", "two")];

        var first = ingestor.Read(files).Select(Describe).ToList();
        var second = ingestor.Read(files).Select(Describe).ToList();

        Assert.Equal(first, second);
        Assert.Equal(4, first.Count);
        Assert.Contains("the reader gave an empty result", first[2]);
    }

    [Fact]
    public void Read_CancellationRequested_Propagates()
    {
        var (ingestor, temp) = Setup();
        using var _ = temp;
        var boom = temp.File("b.boom", "one\ncancel");
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ingestor.Read([boom], null, cts.Token).ToList());
    }

    [Fact]
    public void Read_CancellationNobodyAskedFor_IsTheReadersFault()
    {
        var (ingestor, temp) = Setup();
        using var _ = temp;
        var boom = temp.File("b.boom", "one\ncancel");

        var items = ingestor.Read([boom]).Select(Describe).ToList();

        Assert.Equal(2, items.Count);
        Assert.Equal("b.boom-1", items[0]);
        Assert.StartsWith($"b.boom after line 1: {ReaderGuard.Marker} (a bug): OperationCanceledException: spurious", items[1]);
    }

    [Fact]
    public void Read_OutOfMemory_Propagates()
    {
        var (ingestor, temp) = Setup();
        using var _ = temp;
        var boom = temp.File("b.boom", "one\noom");

        Assert.Throws<OutOfMemoryException>(() => ingestor.Read([boom]).ToList());
    }

    [Fact]
    public void Item_ThrowingMapping_BecomesThatItemsRejection()
    {
        var item = ReaderGuard.Item("/in/x.jsonl", "line 4", () => throw new FormatException("odd field"));

        Assert.Equal("line 4", item.Rejection!.Location);
        Assert.StartsWith($"{ReaderGuard.Marker} (a bug) on this item: FormatException: odd field", item.Rejection.Reason);
    }
}
