using System.Text;
using System.Text.RegularExpressions;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Decodes an XML (or HTML) file's bytes the way the XML spec asks: a BOM wins; then UTF-16 recognised by its
/// first characters (<c>&lt;?</c>) without a BOM; then the encoding named in the XML declaration;
/// then UTF-8, with Latin-1 as the fallback when the bytes are not valid UTF-8 (as <see cref="TextDecoder"/>).
/// Binary content is refused.
/// </summary>
public static partial class XmlTextDecoder
{
    public static DecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        if (HasBom(bytes))
            return TextDecoder.Decode(bytes);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x3C, 0x00, 0x3F, 0x00]))
            return new DecodeResult(Encoding.Unicode.GetString(bytes), "UTF-16LE (no BOM)", null);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x3C, 0x00, 0x3F]))
            return new DecodeResult(Encoding.BigEndianUnicode.GetString(bytes), "UTF-16BE (no BOM)", null);

        var declared = DeclaredEncoding(bytes);
        if (declared is null)
            return TextDecoder.Decode(bytes);
        return WithDeclared(bytes, declared, "XML declaration");
    }

    /// <summary>
    /// Decodes an HTML page: a BOM wins; then the charset of a <c>&lt;meta charset&gt;</c> or
    /// <c>&lt;meta http-equiv="Content-Type" content="…; charset=…"&gt;</c> in the first 2048 bytes (unless the bytes
    /// are valid UTF-8, which wins over a declared legacy charset); then UTF-8 with the Latin-1 fallback.
    /// </summary>
    public static DecodeResult DecodeHtml(ReadOnlySpan<byte> bytes)
    {
        if (HasBom(bytes))
            return TextDecoder.Decode(bytes);
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 2048)]);
        var match = MetaCharset().Match(head);
        return match.Success ? WithDeclared(bytes, match.Groups[1].Value, "<meta charset>") : TextDecoder.Decode(bytes);
    }

    private static DecodeResult WithDeclared(ReadOnlySpan<byte> bytes, string declared, string where)
    {
        if (declared.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || declared.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            return TextDecoder.Decode(bytes);
        if (TextDecoder.LooksBinary(bytes))
            return new DecodeResult(null, null, "binary content (NUL or control bytes), not text");
        // A legacy encoding declared over bytes that are valid UTF-8 and not all ASCII: the declaration is stale (the page
        // or feed was re-encoded and kept its old header, as qq.com's "gb2312" pages). Text really written in Latin-1,
        // Windows-125x or GBK is almost never valid UTF-8 once it holds a few non-ASCII characters.
        if (bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0 && System.Text.Unicode.Utf8.IsValid(bytes))
            return new DecodeResult(new UTF8Encoding(false).GetString(bytes), $"UTF-8 (declared {declared}, but the bytes are UTF-8)", null);
        var encoding = Find(declared);
        // UTF-16/32 named in a file whose bytes are one-byte ASCII-compatible (we got here without a BOM
        // or UTF-16 start) is a wrong declaration: read the bytes as they are.
        if (encoding is null || !encoding.IsSingleByte && encoding.CodePage is 1200 or 1201 or 12000 or 12001)
            return TextDecoder.Decode(bytes);
        return new DecodeResult(encoding.GetString(bytes), $"{encoding.WebName} ({where})", null);
    }

    private static bool HasBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);

    /// <summary>The <c>encoding</c> pseudo-attribute of an XML declaration at the very start, read as ASCII.</summary>
    internal static string? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 256)];
        if (!head.StartsWith("<?xml"u8))
            return null;
        var end = head.IndexOf("?>"u8);
        if (end < 0)
            return null;
        var match = EncodingAttribute().Match(Encoding.ASCII.GetString(head[..end]));
        return match.Success ? match.Groups[1].Value : null;
    }

    private static Encoding? Find(string name)
    {
        try
        {
            // The code-page provider is used directly, not registered: no process-wide state changes.
            return System.Text.CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""<meta\s[^>]*?charset\s*=\s*["']?([A-Za-z][A-Za-z0-9._-]{0,39})""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex("""encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]{0,39})["']""")]
    private static partial Regex EncodingAttribute();
}
