using ClassifyPipeline.Classification.Stance;
using ClassifyPipeline.Ingest;
using Xunit;

namespace ClassifyPipeline.Tests.Classification.Stance;

public sealed class StanceCsvWriterTests
{
    [Fact]
    public void Write_HeadlinesWithCommaQuoteNewline_QuotedAndReadBack()
    {
        Fnc1Pair[] pairs =
        [
            new("Plain headline", 7, null, 2),
            new("Comma, here", 3, null, 3),
            new("Says \"hoax\"", 7, null, 4),
            new("Two\nlines", 1, null, 5),
        ];
        var writer = new StringWriter();
        StanceCsvWriter.Write(writer, pairs, ["agree", "discuss", "disagree", "unrelated"]);
        var text = writer.ToString();

        Assert.StartsWith("Headline,Body ID,Stance\nPlain headline,7,agree\n\"Comma, here\",3,discuss\n\"Says \"\"hoax\"\"\",7,disagree\n\"Two\nlines\",1,unrelated\n", text);
        var rows = CsvParser.Parse(new StringReader(text)).ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal(pairs.Select(p => p.Headline), rows.Skip(1).Select(r => r.Fields[0]));
    }
}
