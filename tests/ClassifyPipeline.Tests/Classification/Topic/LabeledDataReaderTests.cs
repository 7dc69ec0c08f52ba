using ClassifyPipeline.Classification.Topic;
using ClassifyPipeline.Tests.Support;

namespace ClassifyPipeline.Tests.Classification.Topic;

public sealed class LabeledDataReaderTests
{
    [Fact]
    public void Read_JsonLinesWithLabel_SingleLabelInOrder()
    {
        using var dir = new TempDirectory();
        var path = dir.File("a.jsonl", """
            {"id": "x1", "label": "sport", "title": "Cup final", "text": "The team won the cup."}

            {"id": "x2", "label": "tech", "text": "A new phone was launched."}
            """);
        var data = LabeledDataReader.Read([path]);
        Assert.False(data.MultiLabel);
        Assert.Equal(["x1", "x2"], data.Articles.Select(a => a.Article.Id));
        Assert.Equal(["sport", "tech"], data.Articles.Select(a => a.Labels.Single()));
        Assert.Equal("Cup final", data.Articles[0].Article.Title);
        Assert.Equal(["sport", "tech"], data.DistinctLabels());
    }

    [Fact]
    public void Read_JsonLinesWithLabels_MultiLabelIncludingEmptyLists()
    {
        using var dir = new TempDirectory();
        var path = dir.File("r.jsonl", """
            {"id": "r1", "labels": ["grain", "wheat"], "text": "Wheat exports rose."}
            {"id": "r2", "labels": [], "text": "Nothing to see."}
            """);
        var data = LabeledDataReader.Read([path]);
        Assert.True(data.MultiLabel);
        Assert.Equal(["grain", "wheat"], data.Articles[0].Labels);
        Assert.Empty(data.Articles[1].Labels);
    }

    [Fact]
    public void Read_CsvWithTitleAndQuotedNewlines_ReadsEveryRow()
    {
        using var dir = new TempDirectory();
        var path = dir.File("a.csv", "text,label,title\n\"Line one,\nline two\",business,Markets\nShares fell.,business,\n");
        var data = LabeledDataReader.Read([path]);
        Assert.Equal(2, data.Articles.Count);
        Assert.Equal("Line one,\nline two", data.Articles[0].Article.Body);
        Assert.Equal("Markets", data.Articles[0].Article.Title);
        Assert.Null(data.Articles[1].Article.Title);
        Assert.All(data.Articles, a => Assert.Equal("business", a.Labels.Single()));
    }

    [Fact]
    public void Read_FolderPerLabel_LabelsFromSubfolderNames()
    {
        using var dir = new TempDirectory();
        dir.File("set/sport/1.txt", "The match ended in a draw.");
        dir.File("set/tech/2.txt", "The chip is faster.");
        dir.File("set/tech/3.txt", "Software update released.");
        var data = LabeledDataReader.Read([Path.Combine(dir.Path, "set")]);
        Assert.Equal(["sport/1.txt", "tech/2.txt", "tech/3.txt"], data.Articles.Select(a => a.Article.Id));
        Assert.Equal(["sport", "tech", "tech"], data.Articles.Select(a => a.Labels.Single()));
    }

    [Fact]
    public void Read_FolderWithEmptyClass_ErrorNamesTheClass()
    {
        using var dir = new TempDirectory();
        dir.File("set/sport/1.txt", "The match ended in a draw.");
        Directory.CreateDirectory(Path.Combine(dir.Path, "set", "tech"));
        var e = Assert.Throws<LabeledDataException>(() => LabeledDataReader.Read([Path.Combine(dir.Path, "set")]));
        Assert.Contains("'tech' has no samples", e.Message);
    }

    [Fact]
    public void Read_LineWithoutLabel_ErrorNamesFileAndLine()
    {
        Assert.Contains("a.jsonl: line 2: no 'label' or 'labels' field", ReadError("a.jsonl", "{\"label\": \"a\", \"text\": \"x\"}\n{\"text\": \"y\"}\n"));
    }

    [Fact]
    public void Read_UnknownLabelField_ErrorNamesTheField()
    {
        Assert.Contains("no 'category' field", ReadError("a.jsonl", "{\"label\": \"a\", \"text\": \"x\"}\n", "category"));
    }

    [Fact]
    public void Read_CsvWithoutLabelColumn_Error()
    {
        Assert.Contains("no 'label' column", ReadError("a.csv", "text,title\nSome text,Title\n"));
    }

    [Theory]
    [InlineData("{\"label\": 3, \"text\": \"x\"}", "must be a string or an array")]
    [InlineData("{\"label\": \"a\", \"text\": \"\"}", "no article text")]
    [InlineData("{\"label\": \" \", \"text\": \"x\"}", "empty label")]
    [InlineData("[1, 2]", "expected a JSON object")]
    [InlineData("{\"label\": \"a\", ", "malformed JSON")]
    public void Read_BadRecord_ClearError(string line, string expected)
    {
        var message = ReadError("a.jsonl", line + "\n");
        Assert.Contains(expected, message);
        Assert.Contains("line 1", message);
    }

    [Fact]
    public void Read_MixedLabelAndLabels_Error()
    {
        Assert.Contains("line 2", ReadError("a.jsonl", "{\"label\": \"a\", \"text\": \"x\"}\n{\"labels\": [\"a\"], \"text\": \"y\"}\n"));
    }

    [Fact]
    public void Read_DuplicateIds_Error()
    {
        Assert.Contains("'d' occurs twice", ReadError("a.jsonl", "{\"id\": \"d\", \"label\": \"a\", \"text\": \"x\"}\n{\"id\": \"d\", \"label\": \"b\", \"text\": \"y\"}\n"));
    }

    [Fact]
    public void Read_UnsupportedExtensionOrMissingPath_Error()
    {
        using var dir = new TempDirectory();
        var path = dir.File("a.xml", "<x/>");
        Assert.Contains("not a labeled data file", Assert.Throws<LabeledDataException>(() => LabeledDataReader.Read([path])).Message);
        Assert.Contains("no such file", Assert.Throws<LabeledDataException>(() => LabeledDataReader.Read([Path.Combine(dir.Path, "nope.jsonl")])).Message);
    }

    /// <summary>The message of the error reading a file with this name and content (with this label field).</summary>
    private static string ReadError(string name, string content, string? labelField = null)
    {
        using var dir = new TempDirectory();
        var path = dir.File(name, content);
        return Assert.Throws<LabeledDataException>(() => LabeledDataReader.Read([path], labelField)).Message;
    }
}
