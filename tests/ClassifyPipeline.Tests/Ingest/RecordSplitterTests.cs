using System.Text;
using ClassifyPipeline.Ingest;

namespace ClassifyPipeline.Tests.Ingest;

public sealed class RecordSplitterTests
{
    private static List<(long Line, string Text)> Lines(byte[] bytes, int bufferSize = 1 << 16, int max = 1 << 20)
    {
        using var splitter = RecordSplitter.Open(new MemoryStream(bytes), csv: false, max, bufferSize);
        var result = new List<(long, string)>();
        while (splitter.MoveNext())
            result.Add((splitter.Line, splitter.Text()));
        return result;
    }

    /// <summary>Random text of the characters that matter to splitting, split with every small buffer size: the same records as splitting the whole text.</summary>
    [Fact]
    public void MoveNext_RandomTextAnyBufferSize_SameRecordsAsSplittingTheWholeText()
    {
        var random = new Random(20261204);
        char[] alphabet = ['a', 'b', ',', '"', '"', '\n', '\n', '\r', ' ', 'é', '€'];
        for (var round = 0; round < 400; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 120)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var bytes = Encoding.UTF8.GetBytes(text);
            var bufferSize = random.Next(4, 20);

            var expectedLines = text.Length == 0 ? [] : text.Split('\n').ToList();
            if (text.EndsWith('\n'))
                expectedLines.RemoveAt(expectedLines.Count - 1);
            var lines = Lines(bytes, bufferSize);
            Assert.Equal(expectedLines.Select((l, i) => ((long)i + 1, l.EndsWith('\r') ? l[..^1] : l)), lines);

            var expectedRows = CsvParser.Parse(new StringReader(text)).Select(Describe).ToList();
            Assert.Equal(expectedRows, CsvRows(bytes, bufferSize).Select(Describe));
        }
    }

    private static string Describe(CsvRow row) => $"{row.Line}|{row.Complete}|{string.Join("¦", row.Fields)}";

    private static List<CsvRow> CsvRows(byte[] bytes, int bufferSize)
    {
        using var splitter = RecordSplitter.Open(new MemoryStream(bytes), csv: true, 1 << 20, bufferSize);
        var rows = new List<CsvRow>();
        while (splitter.MoveNext())
            rows.AddRange(CsvParser.Parse(new StringReader(splitter.Text())).Select(r => r with { Line = (int)splitter.Line }));
        return rows;
    }

    [Fact]
    public void MoveNext_LineOverTheCap_IsMeasuredAndSkippedWithoutGrowingTheBuffer()
    {
        var bytes = Encoding.UTF8.GetBytes("short\n" + new string('x', 5000) + "\r\nafter\n");
        using var splitter = RecordSplitter.Open(new MemoryStream(bytes), csv: false, maxRecordBytes: 100, bufferSize: 64);

        Assert.True(splitter.MoveNext());
        Assert.Equal(("short", false), (splitter.Text(), splitter.Oversize));
        Assert.True(splitter.MoveNext());
        Assert.Equal((2L, 5000L, true), (splitter.Line, splitter.Bytes, splitter.Oversize));
        Assert.True(splitter.Current.IsEmpty);
        Assert.True(splitter.Capacity <= 100, $"the record buffer grew to {splitter.Capacity} bytes");
        Assert.True(splitter.MoveNext());
        Assert.Equal((3L, "after"), (splitter.Line, splitter.Text()));
        Assert.False(splitter.MoveNext());
    }

    [Fact]
    public void Text_InvalidUtf8InOneLine_ThatLineAloneIsLatin1()
    {
        var bytes = Encoding.UTF8.GetBytes("Zürich\n").Concat(Encoding.Latin1.GetBytes("Zürich café\n")).Concat(Encoding.UTF8.GetBytes("€ ok")).ToArray();

        Assert.Equal([(1L, "Zürich"), (2L, "Zürich café"), (3L, "€ ok")], Lines(bytes, bufferSize: 5));
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32le")]
    public void Open_Bom_IsHonouredAndWideEncodingsAreTranscoded(string name)
    {
        Encoding encoding = name switch
        {
            "utf-8-bom" => new UTF8Encoding(true),
            "utf-16le" => new UnicodeEncoding(false, true),
            "utf-16be" => new UnicodeEncoding(true, true),
            _ => new UTF32Encoding(false, true),
        };
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("first Zürich\r\nsecond €\n")).ToArray();

        Assert.Equal([(1L, "first Zürich"), (2L, "second €")], Lines(bytes, bufferSize: 7));
    }

    [Fact]
    public void Open_BinaryContent_IsAnError()
    {
        using var splitter = RecordSplitter.Open(new MemoryStream([0x00, 0x01, 0x02, 0x0A, 0x41]), csv: false, 100);

        Assert.Contains("binary", splitter.Error);
        Assert.False(splitter.MoveNext());
    }

    [Fact]
    public void MoveNext_CsvQuotedLineBreaks_RecordStartsAndNextLineNumbersCount()
    {
        var bytes = Encoding.UTF8.GetBytes("id,text\n1,\"two\nlines\"\n2,\"say \"\"hi\"\"\nand\nmore\"\n3,x\n");
        var rows = CsvRows(bytes, bufferSize: 4);

        Assert.Equal(["1|True|id¦text", "2|True|1¦two\nlines", "4|True|2¦say \"hi\"\nand\nmore", "7|True|3¦x"], rows.Select(Describe));
    }
}
