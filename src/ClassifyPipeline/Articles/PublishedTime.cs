using System.Globalization;
using System.Text.RegularExpressions;

namespace ClassifyPipeline.Articles;

/// <summary>
/// When an article was published, at the precision its input gave: a date alone stays a date; a time keeps the
/// UTC offset it was stated with (so "23:30-05:00" stays on its own day); a time stated without any zone is kept
/// as such. <see cref="Instant"/> places every kind on one time line for ordering and windows: a date is taken as
/// its midnight UTC, a time without a zone as UTC.
/// </summary>
public readonly partial record struct PublishedTime : IComparable<PublishedTime>
{
    private PublishedTime(DateTimeOffset value, TimePrecision precision)
    {
        Value = value;
        Precision = precision;
    }

    /// <summary>The time as stated, in the offset stated (UTC for a date, or for a time without a zone).</summary>
    public DateTimeOffset Value { get; }

    public TimePrecision Precision { get; }

    /// <summary>The point on the time line used for ordering and windows.</summary>
    public DateTimeOffset Instant => Value;

    /// <summary>The calendar day as stated (not converted to UTC).</summary>
    public DateOnly Date => DateOnly.FromDateTime(Value.DateTime);

    public static PublishedTime FromDate(DateOnly date) =>
        new(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), TimePrecision.Date);

    /// <summary>A time with its offset (kept as given).</summary>
    public static PublishedTime FromOffset(DateTimeOffset value) => new(value, TimePrecision.Offset);

    /// <summary>A time stated without a zone.</summary>
    public static PublishedTime FromLocal(DateTime value) =>
        new(new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), TimeSpan.Zero), TimePrecision.Local);

    public static implicit operator PublishedTime(DateTimeOffset value) => FromOffset(value);

    /// <summary>ISO 8601 at the stated precision: <c>2013-05-09</c>, <c>2016-10-15T03:01:00</c>, <c>2020-01-18T21:30:00-05:00</c>, <c>…Z</c> for UTC.</summary>
    public override string ToString() => Precision switch
    {
        TimePrecision.Date => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimePrecision.Local => Value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        _ when Value.Offset == TimeSpan.Zero => Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Parses ISO 8601 / RFC 3339 as written by <see cref="ToString"/> and as inputs write it: a date
    /// (<c>2013-05-09</c>), a date and time with or without seconds, fractions and a zone (<c>Z</c>, <c>+02:00</c>,
    /// <c>+0200</c>), with <c>T</c> or a space between; fractions of a second are dropped (whole seconds are the
    /// finest precision kept). Anything else is false.
    /// </summary>
    public static bool TryParse(string? text, out PublishedTime value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var m = Iso().Match(text.Trim());
        if (!m.Success)
            return false;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["mo"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        if (!m.Groups["h"].Success)
        {
            value = FromDate(new DateOnly(year, month, day));
            return true;
        }
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 24 || minute > 59 || second > 60)
            return false;
        var time = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)
            .AddHours(hour).AddMinutes(minute).AddSeconds(Math.Min(second, 59));
        if (!m.Groups["z"].Success)
        {
            value = FromLocal(time);
            return true;
        }
        var zone = m.Groups["z"].Value;
        var offset = TimeSpan.Zero;
        if (zone is not ("Z" or "z"))
        {
            var oh = int.Parse(m.Groups["oh"].Value, CultureInfo.InvariantCulture);
            var om = m.Groups["om"].Success ? int.Parse(m.Groups["om"].Value, CultureInfo.InvariantCulture) : 0;
            if (oh > 14 || om > 59)
                return false;
            offset = new TimeSpan(oh, om, 0);
            if (zone[0] == '-')
                offset = -offset;
        }
        value = FromOffset(new DateTimeOffset(time, offset));
        return true;
    }

    public int CompareTo(PublishedTime other)
    {
        var c = Instant.CompareTo(other.Instant);
        return c != 0 ? c : Precision.CompareTo(other.Precision);
    }

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})(?:[T ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d{1,9}))?)?\s*(?<z>[Zz]|[+-](?<oh>\d{2}):?(?<om>\d{2})?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();
}

/// <summary>How precisely a publication time was stated.</summary>
public enum TimePrecision
{
    /// <summary>A calendar day only.</summary>
    Date,

    /// <summary>A date and time without a zone.</summary>
    Local,

    /// <summary>A date and time with its UTC offset.</summary>
    Offset,
}
