namespace ClassifyPipeline.Text.Filters;

/// <summary>The current token's characters, reused from token to token (no allocation per token).</summary>
public sealed class TokenBuffer
{
    private char[] _chars = new char[64];

    public int Length { get; private set; }

    public Span<char> Span => _chars.AsSpan(0, Length);

    public char[] RawBuffer => _chars;

    public void Set(ReadOnlySpan<char> text)
    {
        if (text.Length > _chars.Length)
            _chars = new char[Math.Max(text.Length, _chars.Length * 2)];
        text.CopyTo(_chars);
        Length = text.Length;
    }

    public void Truncate(int length) => Length = Math.Min(length, Length);
}
