using ClassifyPipeline.Vectors;

namespace ClassifyPipeline.Tests.Vectors;

/// <summary>TF-IDF values checked against hand computation (scikit-learn's formulas) on a three-document corpus.</summary>
public sealed class TfIdfTests
{
    private static readonly string[][] Corpus =
    [
        ["peace", "talks", "talks"],
        ["peace", "war"],
        ["war", "war", "war", "syria"],
    ];

    private static TfIdfModel Fit(VectorizeOptions options) =>
        new TfIdfEstimator(options).Fit(CorpusStatistics.Empty.Add(Corpus));

    [Fact]
    public void Fit_SmoothIdf_MatchesFormula()
    {
        var model = Fit(new VectorizeOptions { SmoothIdf = true });
        // n = 3; df(peace) = 2, df(syria) = 1, df(talks) = 1, df(war) = 2; idf = ln((1+n)/(1+df)) + 1
        Assert.Equal(["peace", "syria", "talks", "war"], model.Terms);
        Assert.Equal(Math.Log(4.0 / 3) + 1, model.Idf[0], 6);
        Assert.Equal(Math.Log(4.0 / 2) + 1, model.Idf[1], 6);
    }

    [Fact]
    public void Fit_NoSmoothing_MatchesFormula()
    {
        var model = Fit(new VectorizeOptions { SmoothIdf = false });
        Assert.Equal(Math.Log(3.0 / 2) + 1, model.Idf[0], 6);
        Assert.Equal(Math.Log(3.0 / 1) + 1, model.Idf[1], 6);
    }

    [Fact]
    public void Transform_RawTf_IsUnitLengthTfTimesIdf()
    {
        var model = Fit(new VectorizeOptions { SublinearTf = false });
        var v = model.Transform(Corpus[0]);
        double peace = 1 * (Math.Log(4.0 / 3) + 1), talks = 2 * (Math.Log(4.0 / 2) + 1);
        var norm = Math.Sqrt(peace * peace + talks * talks);
        Assert.Equal([0, 2], v.Indices);
        Assert.Equal(peace / norm, v.Values[0], 6);
        Assert.Equal(talks / norm, v.Values[1], 6);
        Assert.Equal(1.0, v.Norm(), 6);
    }

    [Fact]
    public void Transform_WithEmphasizedPart_AddsItsWeightsBeforeNormalizing()
    {
        var model = Fit(new VectorizeOptions { SublinearTf = true });
        // the document "war war war syria" with its part "war peace unknown" counted 0.5 times more;
        // the part's terms get their own tf: war once there, peace once (though not in the document)
        var v = model.Transform(Corpus[2], ["war", "peace", "unknown"], 0.5);
        double idfPeace = Math.Log(4.0 / 3) + 1, idfSyria = Math.Log(4.0 / 2) + 1, idfWar = Math.Log(4.0 / 3) + 1;
        double peace = 0.5 * idfPeace, syria = idfSyria, war = (1 + Math.Log(3)) * idfWar + 0.5 * idfWar;
        var norm = Math.Sqrt(peace * peace + syria * syria + war * war);
        Assert.Equal([0, 1, 3], v.Indices);
        Assert.Equal(peace / norm, v.Values[0], 6);
        Assert.Equal(syria / norm, v.Values[1], 6);
        Assert.Equal(war / norm, v.Values[2], 6);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Transform_DistinctTermsAndCounts_SameAsTheTermsRepeated(bool sublinear)
    {
        var model = Fit(new VectorizeOptions { SublinearTf = sublinear });
        var fromTerms = model.Transform(["war", "unknown", "syria", "war", "peace", "war"]);
        var fromCounts = model.Transform(["war", "unknown", "syria", "peace"], [3, 7, 1, 1]);
        Assert.Equal(fromTerms.Indices, fromCounts.Indices);
        Assert.Equal(fromTerms.Values, fromCounts.Values);
        Assert.Same(SparseVector.Empty, model.Transform(["unknown"], [2]));
    }

    [Fact]
    public void Transform_EmphasisZeroOrEmptyPart_SameAsDocumentAlone()
    {
        var model = Fit(new VectorizeOptions { SublinearTf = true });
        var alone = model.Transform(Corpus[2]);
        Assert.Equal(alone.Values, model.Transform(Corpus[2], Corpus[1], 0).Values.Where(x => x != 0));
        Assert.Equal(alone.Values, model.Transform(Corpus[2], [], 2).Values);
        Assert.Equal(alone.Indices, model.Transform(Corpus[2], [], 2).Indices);
        // the whole document emphasized: the same direction, so the same unit vector
        var doubled = model.Transform(Corpus[2], Corpus[2], 1);
        for (var k = 0; k < alone.Count; k++)
            Assert.Equal(alone.Values[k], doubled.Values[k], 6);
    }

    [Fact]
    public void Transform_SublinearTf_UsesOnePlusLogCount()
    {
        var model = Fit(new VectorizeOptions { SublinearTf = true });
        var v = model.Transform(Corpus[2]);
        double syria = 1 * (Math.Log(4.0 / 2) + 1), war = (1 + Math.Log(3)) * (Math.Log(4.0 / 3) + 1);
        var norm = Math.Sqrt(syria * syria + war * war);
        Assert.Equal([1, 3], v.Indices);
        Assert.Equal(syria / norm, v.Values[0], 6);
        Assert.Equal(war / norm, v.Values[1], 6);
    }

    [Fact]
    public void Dot_OfUnitVectors_IsCosine()
    {
        var model = Fit(new VectorizeOptions { SublinearTf = false });
        var a = model.Transform(Corpus[1]);
        var b = model.Transform(Corpus[2]);
        double peace = Math.Log(4.0 / 3) + 1, war = Math.Log(4.0 / 3) + 1, syria = Math.Log(2) + 1;
        var expected = war * 3 * war / (Math.Sqrt(peace * peace + war * war) * Math.Sqrt(9 * war * war + syria * syria));
        Assert.Equal(expected, a.Dot(b), 5);
        Assert.Equal(a.Dot(b), b.Dot(a), 10);
    }

    [Fact]
    public void Fit_DocumentFrequencyBounds_DropTerms()
    {
        var model = Fit(new VectorizeOptions { MinDocumentFrequency = 2, MaxDocumentFrequency = 1.0 });
        Assert.Equal(["peace", "war"], model.Terms);
        Assert.DoesNotContain(Fit(new VectorizeOptions { MaxDocumentFrequency = 0.5 }).Terms, t => t is "peace" or "war");
    }

    [Fact]
    public void Transform_UnknownTermsOnly_IsEmpty() =>
        Assert.Equal(0, Fit(new VectorizeOptions()).Transform(["unseen"]).Count);

    [Fact]
    public void SaveLoad_RoundTrip_GivesSameVectors()
    {
        var model = Fit(new VectorizeOptions());
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = TfIdfModel.Load(stream);
        var before = model.Transform(Corpus[2]);
        var after = loaded.Transform(Corpus[2]);
        Assert.Equal(before.Indices, after.Indices);
        Assert.Equal(before.Values, after.Values);
    }

    [Fact]
    public void Load_NotAModel_FailsClearly()
    {
        using var stream = new MemoryStream("garbage"u8.ToArray());
        var e = Assert.ThrowsAny<Exception>(() => TfIdfModel.Load(stream));
        Assert.True(e is InvalidDataException or EndOfStreamException, e.GetType().Name);
    }

    [Fact]
    public void Add_GrowsStatisticsWithoutChangingTheOriginal()
    {
        var first = CorpusStatistics.Empty.Add(Corpus.Take(2));
        var grown = first.Add(Corpus.Skip(2));
        Assert.Equal(2, first.DocumentCount);
        Assert.Equal(3, grown.DocumentCount);
        Assert.Equal(1, first.DocumentFrequency["war"]);
        Assert.Equal(2, grown.DocumentFrequency["war"]);
    }
}
