using System.Buffers;
using System.Globalization;
using System.Text;

namespace ClassifyPipeline.Text;

/// <summary>
/// Splits text at word boundaries in the manner of Unicode UAX #29 (the rules Lucene's StandardTokenizer
/// follows), simplified: letters and digits form words; an apostrophe or a period joins two letters
/// ("don't", "U.S"); a period or comma joins two digits ("3.14", "1,000"); an underscore joins anything;
/// hyphens, other punctuation, symbols and emoji separate words and are not tokens. Each Han or Hiragana
/// character is a token of its own, since those scripts do not put spaces between words.
/// </summary>
public static class Tokenizer
{
    /// <summary>Calls <paramref name="onToken"/> with the start and length of each token in <paramref name="text"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, TokenSink onToken)
    {
        var i = 0;
        while (i < text.Length)
        {
            var kind = KindAt(text, i, out var width);
            if (kind == CharKind.Other || kind == CharKind.Joiner || kind == CharKind.Extend)
            {
                i += width;
                continue;
            }
            if (kind == CharKind.Ideograph)
            {
                var end = i + width;
                while (end < text.Length && KindAt(text, end, out var w) == CharKind.Extend)
                    end += w;
                onToken(i, end - i);
                i = end;
                continue;
            }

            var start = i;
            var last = kind;
            i += width;
            while (i < text.Length)
            {
                var next = KindAt(text, i, out var w);
                if (next is CharKind.Letter or CharKind.Digit)
                {
                    last = next;
                    i += w;
                }
                else if (next == CharKind.Extend || (next == CharKind.Joiner && text[i] == '_'))
                {
                    i += w;
                }
                else if (next == CharKind.Joiner && i + w < text.Length && Joins(text[i], last, KindAt(text, i + w, out _)))
                {
                    i += w;
                }
                else
                {
                    break;
                }
            }
            onToken(start, i - start);
        }
    }

    private static bool Joins(char joiner, CharKind before, CharKind after) => joiner switch
    {
        '\'' or '\u2019' => before == CharKind.Letter && after == CharKind.Letter,
        '.' => before == after && after is CharKind.Letter or CharKind.Digit,
        ',' => before == CharKind.Digit && after == CharKind.Digit,
        _ => false,
    };

    private enum CharKind
    {
        Other,
        Letter,
        Digit,
        Ideograph,
        Joiner,
        Extend,
    }

    private static CharKind KindAt(ReadOnlySpan<char> text, int index, out int width)
    {
        if (Rune.DecodeFromUtf16(text[index..], out var rune, out width) != OperationStatus.Done)
        {
            width = 1;
            return CharKind.Other;
        }
        if (rune.Value is '\'' or '\u2019' or '.' or ',' or '_')
            return CharKind.Joiner;
        var category = Rune.GetUnicodeCategory(rune);
        switch (category)
        {
            case UnicodeCategory.DecimalDigitNumber:
                return CharKind.Digit;
            case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format:
                return rune.Value is 0x200D or 0xFE0F ? CharKind.Other : CharKind.Extend;
            case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter:
                return IsIdeographic(rune.Value) ? CharKind.Ideograph : CharKind.Letter;
            default:
                return CharKind.Other;
        }
    }

    private static bool IsIdeographic(int cp) =>
        cp is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2FFFF
            or >= 0xF900 and <= 0xFAFF or >= 0x3040 and <= 0x309F;
}

/// <summary>Receives one token as a start offset and a length into the text being tokenized.</summary>
public delegate void TokenSink(int start, int length);
