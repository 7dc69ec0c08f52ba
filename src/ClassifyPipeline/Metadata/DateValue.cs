using System.Globalization;
using ClassifyPipeline.Articles;

namespace ClassifyPipeline.Metadata;

/// <summary>
/// Reads a date written as a machine value (a <c>meta</c> content, a <c>datetime</c> attribute, a JSON-LD value):
/// ISO 8601 at its stated precision and offset, <c>yyyyMMdd</c>, and otherwise whatever <see cref="DateFinder"/> finds
/// first in it ("Mon, 23 Nov 2026 10:00:00 GMT", "January 18, 2020"), ambiguous numeric dates settled by
/// <see cref="NumericDateOrder"/>. Only dates the <see cref="DatePlausibility"/> accepts are returned.
/// </summary>
public static class DateValue
{
    public static PublishedTime? Parse(string? value, DatePlausibility plausible, NumericDateOrder.Evidence evidence)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 200)
            return null;
        var text = value.Trim();
        if (PublishedTime.TryParse(text, out var iso))
            return plausible.Accepts(iso) ? iso : null;
        if (text.Length == 8 && text.All(char.IsAsciiDigit)
            && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var compact))
        {
            var day = PublishedTime.FromDate(compact);
            return plausible.Accepts(day) ? day : null;
        }
        foreach (var match in DateFinder.FindAll(text, limit: 3))
        {
            var time = match.ToPublishedTime(NumericDateOrder.Resolve(match, evidence));
            if (plausible.Accepts(time, !match.TwoDigitYear))
                return time;
        }
        return null;
    }
}
