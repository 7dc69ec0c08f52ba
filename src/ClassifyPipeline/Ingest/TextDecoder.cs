using System.Text;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Turns file bytes into text: a BOM (UTF-8, UTF-16, UTF-32) is honoured; otherwise strict UTF-8 is tried
/// and, when the bytes are not valid UTF-8, Latin-1 (Windows-1252's printable subset) is the fallback.
/// Bytes that look binary (NUL bytes or many control characters) are refused.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Utf8(bytes[3..], "UTF-8 (BOM)");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
            return new DecodeResult(new UTF32Encoding(false, false).GetString(bytes[4..]), "UTF-32LE (BOM)", null);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return new DecodeResult(Encoding.Unicode.GetString(bytes[2..]), "UTF-16LE (BOM)", null);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new DecodeResult(Encoding.BigEndianUnicode.GetString(bytes[2..]), "UTF-16BE (BOM)", null);

        if (LooksBinary(bytes))
            return new DecodeResult(null, null, "binary content (NUL or control bytes), not text");
        return Utf8(bytes, "UTF-8");
    }

    private static DecodeResult Utf8(ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return new DecodeResult(StrictUtf8.GetString(bytes), name, null);
        }
        catch (DecoderFallbackException)
        {
            return new DecodeResult(Encoding.Latin1.GetString(bytes), "Latin-1 (fallback: not valid UTF-8)", null);
        }
    }

    internal static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        if (sample.IndexOf((byte)0) >= 0)
            return true;
        var control = 0;
        foreach (var b in sample)
        {
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C))
                control++;
        }
        return sample.Length > 0 && control * 20 > sample.Length;
    }
}

/// <summary>Decoded text and the encoding used, or the reason the bytes are not text.</summary>
public sealed record DecodeResult(string? Text, string? Encoding, string? Error);
