using ClassifyPipeline.Extraction.Evaluation;

namespace ClassifyPipeline.Tests.Extraction;

public sealed class DateScoresTests
{
    private static readonly DateOnly Day = new(2020, 1, 18);

    [Fact]
    public void Add_CountsAsHtmldateDoes()
    {
        var s = default(DateScores)
            .Add(Day, Day)                 // right
            .Add(Day, Day.AddDays(1))      // wrong: a false positive only
            .Add(null, Day)                // found where none expected: false positive
            .Add(Day, null)                // missed
            .Add(null, null);              // rightly none

        Assert.Equal(new DateScores(1, 2, 1, 1), s);
        Assert.Equal(1.0 / 3, s.Precision, 9);
        Assert.Equal(0.5, s.Recall, 9);
        Assert.Equal(0.4, s.F1, 9);
    }

    [Fact]
    public void FieldAgreement_IgnoresCaseSpacingAndALeadingBy()
    {
        var a = default(FieldAgreement).Add("Jane  Doe", "By jane doe").Add("Jane Doe", null).Add(null, "anything");

        Assert.Equal(2, a.Expected);
        Assert.Equal(1, a.Exact);
        Assert.Equal(0.5, a.TokenF1, 9);
    }
}
