using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Metadata;

/// <summary>
/// Which dates can be a publication date, judged against the time of the run (taken from a <see cref="TimeProvider"/>):
/// none after the run's day plus one (a page in a zone ahead of UTC may already be on the next day); none before
/// 1990 unless its year was written with four digits; none before 1900 at all, nor the placeholder values content
/// systems write for "no date" (<c>1970-01-01</c>, the Unix epoch, and <c>1900-01-01</c>).
/// </summary>
public sealed class DatePlausibility(DateTimeOffset reference)
{
    /// <summary>The earliest year a date without an explicit four-digit year may have.</summary>
    public const int MinimumImplicitYear = 1990;

    /// <summary>The earliest year any date may have.</summary>
    public const int MinimumYear = 1900;

    private readonly DateOnly _latest = DateOnly.FromDateTime(reference.UtcDateTime).AddDays(1);

    public static DatePlausibility At(TimeProvider time) => new(time.GetUtcNow());

    public bool Accepts(PublishedTime time, bool fourDigitYear = true, int minimumYear = MinimumYear)
    {
        var day = time.Date;
        if (day > _latest)
            return false;
        if (day.Year < Math.Max(minimumYear, fourDigitYear ? MinimumYear : MinimumImplicitYear))
            return false;
        return !(day.Month == 1 && day.Day == 1 && day.Year is 1970 or 1900);
    }

    public bool Accepts(DateMatch match, int minimumYear = MinimumYear) => Accepts(match.ToPublishedTime(), !match.TwoDigitYear, minimumYear);
}
