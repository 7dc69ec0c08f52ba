using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Tests.Support;
using Xunit;

namespace ClassifyPipeline.Tests.Classification.Stance;

public sealed class Fnc1ReaderTests
{
    private const string Bodies = "Body ID,articleBody\n1,\"First body,\nwith a quoted newline and \"\"quotes\"\".\"\n2,Second body.\n";

    [Fact]
    public void Read_ValidFiles_KeepsOrderQuotedNewlinesAndLineNumbers()
    {
        using var dir = new TempDirectory();
        var stances = dir.File("s.csv", "Headline,Body ID,Stance\n\"A headline, with comma\",2,agree\n\"Two\nlines\",1,unrelated\nPlain,1,disagree\n");
        var data = Fnc1Reader.Read(stances, dir.File("b.csv", Bodies));

        Assert.True(data.HasStances);
        Assert.Equal(["A headline, with comma", "Two\nlines", "Plain"], data.Pairs.Select(p => p.Headline));
        Assert.Equal([2, 1, 1], data.Pairs.Select(p => p.BodyId));
        Assert.Equal([StanceLabels.Agree, StanceLabels.Unrelated, StanceLabels.Disagree], data.Pairs.Select(p => p.Stance!.Value));
        Assert.Equal([2, 3, 5], data.Pairs.Select(p => p.Line));
        Assert.Equal("First body,\nwith a quoted newline and \"quotes\".", data.Bodies[1]);
    }

    [Fact]
    public void Read_NoStanceColumn_AllowedUnlessRequired()
    {
        using var dir = new TempDirectory();
        var stances = dir.File("s.csv", "Headline,Body ID\nH,1\n");
        var bodies = dir.File("b.csv", Bodies);

        var data = Fnc1Reader.Read(stances, bodies);
        Assert.False(data.HasStances);
        Assert.Null(data.Pairs[0].Stance);
        var e = Assert.Throws<Fnc1FormatException>(() => Fnc1Reader.Read(stances, bodies, requireStances: true));
        Assert.Equal(1, e.Line);
    }

    [Theory]
    [InlineData("Headline,Body ID,Stance\nH,1,agree\nH,3,agree\n", 3, "Body ID 3 has no body")]
    [InlineData("Headline,Body ID,Stance\nH,1,agree\n\"Multi\nline\",2,maybe\n", 3, "unknown stance 'maybe'")]
    [InlineData("Headline,Body,Stance\nH,1,agree\n", 1, "not an FNC-1 header")]
    [InlineData("Headline,Body ID,Stance\nH,x1,agree\n", 2, "Body ID 'x1' is not a non-negative whole number")]
    [InlineData("Headline,Body ID,Stance\nH,1\n", 2, "expected 3 fields, found 2")]
    [InlineData("Headline,Body ID,Stance\nH,1,agree\n\"open,2,agree\n", 3, "never closed")]
    public void Read_BadStances_ErrorNamesLineAndReason(string stancesCsv, int line, string reason)
    {
        using var dir = new TempDirectory();
        var stances = dir.File("s.csv", stancesCsv);
        var e = Assert.Throws<Fnc1FormatException>(() => Fnc1Reader.Read(stances, dir.File("b.csv", Bodies)));
        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Message);
        Assert.Contains($"s.csv, line {line}", e.Message);
    }

    [Theory]
    [InlineData("Body ID,articleBody\n1,a\n\"2\",\"b\nb\"\n2,c\n", 5, "duplicate Body ID 2 (first on line 3)")]
    [InlineData("Body ID,text\n1,a\n", 1, "not an FNC-1 header")]
    [InlineData("Body ID,articleBody\n1,a,extra\n", 2, "expected 2 fields")]
    public void ReadBodies_BadBodies_ErrorNamesLineAndReason(string bodiesCsv, int line, string reason)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<Fnc1FormatException>(() => Fnc1Reader.ReadBodies(dir.File("b.csv", bodiesCsv)));
        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void ReadBodyArticles_ValidBodies_FileOrderIdsAndFirstLineTitles()
    {
        var articles = Fnc1Reader.ReadBodyArticles(new StringReader("Body ID,articleBody\n7,\"\n  Lead line \nsecond\"\n 3 ,Only line.\n"), "b.csv");

        Assert.Equal(["7", "3"], articles.Select(a => a.Id));
        Assert.Equal(["Lead line", "Only line."], articles.Select(a => a.Title));
        Assert.Equal("\n  Lead line \nsecond", articles[0].Body);
        Assert.All(articles, a => Assert.Equal("fnc1", a.Source));
    }

    [Fact]
    public void ReadBodyArticles_BadBodyId_ErrorNamesLine()
    {
        var e = Assert.Throws<Fnc1FormatException>(() => Fnc1Reader.ReadBodyArticles(new StringReader("Body ID,articleBody\n1,a\nx,b\n"), "b.csv"));
        Assert.Equal(3, e.Line);
        Assert.Contains("b.csv, line 3", e.Message);
    }

    [Fact]
    public void Read_MissingFileOrEmptyFile_ClearError()
    {
        using var dir = new TempDirectory();
        var bodies = dir.File("b.csv", Bodies);
        Assert.Contains("file not found", Assert.Throws<Fnc1FormatException>(() => Fnc1Reader.Read(Path.Combine(dir.Path, "none.csv"), bodies)).Message);
        Assert.Contains("empty file", Assert.Throws<Fnc1FormatException>(() => Fnc1Reader.Read(dir.File("e.csv", ""), bodies)).Message);
    }

    [Fact]
    public void Read_Fnc1Training_ReadsEveryPair()
    {
        var root = RepoPaths.Fnc1;
        var data = Fnc1Reader.Read(Path.Combine(root, "train_stances.csv"), Path.Combine(root, "train_bodies.csv"), requireStances: true);
        Assert.Equal(49972, data.Pairs.Count);
        Assert.Equal(1683, data.Bodies.Count);
    }
}
