using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Metadata;

/// <summary>
/// A date found in text (<see cref="DateFinder"/>), with the time and zone written beside it, if any.
/// A numeric date whose day and month could be swapped (<c>05/09/2013</c>) carries both readings: <see cref="Date"/>
/// month first, <see cref="Alternative"/> day first; <see cref="NumericDateOrder"/> decides between them.
/// </summary>
/// <param name="Index">Where the match starts in the text.</param>
/// <param name="Length">Its length.</param>
/// <param name="Weekday">A weekday named right before the date ("Thursday, 05/09/2013"), which can settle an ambiguity.</param>
/// <param name="TwoDigitYear">The year was written with two digits (taken as 19xx or 20xx, whichever is not in the future).</param>
public readonly record struct DateMatch(int Index, int Length, DateOnly Date, TimeOnly? Time, TimeSpan? Offset, DateOnly? Alternative, DayOfWeek? Weekday, bool TwoDigitYear)
{
    public bool Ambiguous => Alternative is not null;

    /// <summary>The publication time this match states, read as <paramref name="day"/>: a date alone, a time with its offset, or a time without a zone.</summary>
    public PublishedTime ToPublishedTime(DateOnly day)
    {
        if (Time is not { } time)
            return PublishedTime.FromDate(day);
        var local = day.ToDateTime(time);
        return Offset is { } offset ? PublishedTime.FromOffset(new DateTimeOffset(local, offset)) : PublishedTime.FromLocal(local);
    }

    public PublishedTime ToPublishedTime() => ToPublishedTime(Date);
}
