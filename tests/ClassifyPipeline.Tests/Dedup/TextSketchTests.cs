using ClassifyPipeline.Articles;
using ClassifyPipeline.Dedup;
using ClassifyPipeline.Text;

namespace ClassifyPipeline.Tests.Dedup;

public sealed class TextSketchTests
{
    // real BBC bodies of at least eight paragraphs: long enough that the sketch is a sample, not the whole set
    private static readonly IReadOnlyList<Article> Long = DedupCorpus.Bbc
        .Where(a => Paragraphs(a.Body).Count >= 8)
        .GroupBy(a => a.Body.Trim(), StringComparer.Ordinal).Select(g => g.First())
        .Take(40).ToList();

    private static readonly double Default = new DedupOptions().DuplicateContainment!.Value;

    [Fact]
    public void Containment_WireCopyWithNewHeadlineBylineAndLastParagraphCut_IsADuplicate()
    {
        foreach (var article in Long)
        {
            var paragraphs = Paragraphs(article.Body);
            var copy = "By Metro Wire staff and wire services\n\n" + string.Join("\n\n", paragraphs.Take(paragraphs.Count - 1))
                + "\n\nFollow Metro Wire on Twitter and Facebook for the latest news.";

            var containment = TextSketch.Of(article.Body).Containment(TextSketch.Of(copy));

            Assert.True(containment >= Default, $"{article.Id}: containment {containment:F3}");
        }
    }

    [Fact]
    public void Containment_TwoArticlesSharingAFewSentences_IsNotADuplicate()
    {
        for (var k = 0; k + 2 < Long.Count; k += 3)
        {
            // two articles that quote the same three sentences of a third (a wire story both rewrote around)
            var quoted = string.Join(" ", Sentences(Long[k + 2].Body).Take(3));
            var a = TextSketch.Of(Long[k].Body + "\n\n" + quoted);
            var b = TextSketch.Of(quoted + "\n\n" + Long[k + 1].Body);

            var containment = a.Containment(b);

            Assert.True(containment < Default, $"{Long[k].Id}/{Long[k + 1].Id}: containment {containment:F3}");
        }
    }

    [Fact]
    public void Containment_SameSentencesInAnotherOrder_LowerThanTheCopy()
    {
        // a rewrite that reuses every sentence in another order loses the 5-grams that cross sentence boundaries
        var article = Long[0];
        var sentences = Sentences(article.Body);
        var reordered = string.Join(" ", sentences.Where((_, i) => i % 2 == 1).Concat(sentences.Where((_, i) => i % 2 == 0)));
        var original = TextSketch.Of(article.Body);

        Assert.True(original.Containment(TextSketch.Of(reordered)) < original.Containment(TextSketch.Of(article.Body + " Updated.")));
    }

    [Fact]
    public void Containment_ShortTexts_ExactShareOfShingles()
    {
        // six tokens: two 5-grams; the copy keeps the first and changes the second
        var a = TextSketch.Of("one two three four five six");
        var b = TextSketch.Of("One two three four five seven");

        Assert.Equal(2, a.Count);
        Assert.Equal(0.5, a.Containment(b), 10);
        Assert.Equal(1.0, a.Containment(TextSketch.Of("ONE two, three; four five six!")), 10);
    }

    [Fact]
    public void Of_FewerThanFiveTokens_EmptyAndNeverContained()
    {
        var a = TextSketch.Of("too short here");

        Assert.Equal(0, a.Count);
        Assert.Equal(0, a.Containment(a));
    }

    [Fact]
    public void Containment_Symmetric()
    {
        var a = TextSketch.Of(Long[0].Body);
        var b = TextSketch.Of(string.Join("\n\n", Paragraphs(Long[0].Body).Skip(2)));

        Assert.Equal(a.Containment(b), b.Containment(a), 12);
    }

    [Fact]
    public void Of_CleanArticleWithPickedTitle_TitleLineCounts()
    {
        const string first = "Officials confirmed the bridge would stay closed until the end of the month.";
        const string rest = "Engineers found cracks in two of its supports during a routine inspection on Monday.";
        var picked = new CleanArticle(new Article("a", "s", null, null, first + "\n" + rest, null), first, rest, TitlePicked: true);
        var marked = picked with { TitlePicked = false };

        Assert.Equal(TextSketch.Of(first + "\n" + rest).Count, TextSketch.Of(picked).Count);
        Assert.Equal(TextSketch.Of(rest).Count, TextSketch.Of(marked).Count);
    }

    [Fact]
    public void Of_CleanArticleWhoseWholeTextIsTheTitle_TitleCounts()
    {
        // a one-paragraph body given with that paragraph as its title: the cleaner leaves the body empty, and a
        // sketch of nothing would make every copy of it "not the same text"
        const string text = "Officials confirmed the bridge would stay closed until the end of the month after engineers found cracks.";
        var marked = new CleanArticle(new Article("a", "s", null, text, text, null), text, "", TitlePicked: false);

        Assert.Equal(TextSketch.Of(text).Count, TextSketch.Of(marked).Count);
        Assert.True(TextSketch.Of(marked).Containment(TextSketch.Of(text + "\nA second paragraph was added later.")) > 0.9);
    }

    private static List<string> Paragraphs(string body) =>
        body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static List<string> Sentences(string body) =>
        body.Replace('\n', ' ').Split(". ", StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim() + ".").ToList();
}
