using ClassifyPipeline.Tests.Dedup;
using ClassifyPipeline.Text;
using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Tests.Vectors;

public sealed class BatchVectorizerTests
{
    [Fact]
    public void Fit_AnyAddOrderAndThreads_SameModelAndVectorsAsTheStringPath()
    {
        var analyzer = new TextAnalyzer(new AnalysisOptions());
        var cleaner = new ArticleCleaner(new CleanOptions());
        var terms = DedupCorpus.Bbc.Take(300).Select(a => analyzer.Analyze(cleaner.Clean(a)).Terms).ToList();
        var options = new VectorizeOptions { MinDocumentFrequency = 2 };
        var expectedModel = new TfIdfEstimator(options).Fit(CorpusStatistics.Empty.Add(terms));

        var vectorizer = new BatchVectorizer(terms.Count);
        Parallel.For(0, terms.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => vectorizer.Add(terms.Count - 1 - i, terms[terms.Count - 1 - i]));
        var (model, vectors) = vectorizer.Fit(options);

        Assert.Equal(expectedModel.Terms, model.Terms);
        Assert.Equal(expectedModel.Idf, model.Idf);
        for (var d = 0; d < terms.Count; d++)
        {
            var expected = expectedModel.Transform(terms[d]);
            Assert.Equal(expected.Indices, vectors[d].Indices);
            Assert.Equal(expected.Values, vectors[d].Values);
        }
    }

    [Fact]
    public void Fit_DocumentNeverAdded_EmptyVectorAndNotCounted()
    {
        var vectorizer = new BatchVectorizer(3);
        vectorizer.Add(0, ["peace", "talks"]);
        vectorizer.Add(2, ["peace", "war"]);

        var (model, vectors) = vectorizer.Fit(new VectorizeOptions());

        Assert.Equal(0, vectors[1].Count);
        // n = 2 documents; df(peace) = 2: idf = ln(3/3) + 1 = 1
        Assert.Equal(1.0, model.Idf[model.IndexOf("peace")], 6);
    }

    [Fact]
    public void Fit_Twice_OrAddAfterFit_Refused()
    {
        // Fit lets the documents go, so a second fit would see an empty batch
        var vectorizer = new BatchVectorizer(1);
        vectorizer.Add(0, ["peace"]);
        vectorizer.Fit(new VectorizeOptions());

        Assert.Throws<InvalidOperationException>(() => vectorizer.Fit(new VectorizeOptions()));
        Assert.Throws<InvalidOperationException>(() => vectorizer.Add(0, ["war"]));
        Assert.Throws<InvalidOperationException>(() => vectorizer.Extend(1));
    }
}
