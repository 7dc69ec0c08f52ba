using System.Text;
using System.Text.Unicode;

namespace ClassifyPipeline.Ingest;

/// <summary>
/// Splits a stream into records one at a time, holding a read buffer and the current record only: lines
/// (JSON Lines), or CSV records, where a line break inside a quoted field does not end the record (the quoting
/// rules are <see cref="CsvParser"/>'s). A record larger than the cap is measured and skipped, never held: a 2 GB
/// line costs the read buffer, not 2 GB.
/// <para>
/// Encoding, as <see cref="TextDecoder"/> decides it for a whole file: a BOM is honoured (UTF-16 and UTF-32 are
/// transcoded to UTF-8 as they are read); without one, content that looks binary in its first 8 KiB is refused,
/// and each record is decoded as strict UTF-8, or as Latin-1 when its bytes are not valid UTF-8. The fallback is
/// per record, so one bad byte sequence in line 1,000,000 changes that line only. Line breaks are <c>\n</c> or
/// <c>\r\n</c>.
/// </para>
/// </summary>
public sealed class RecordSplitter : IDisposable
{
    private const int HeadBytes = 8192;

    private readonly Stream _stream;
    private readonly bool _csv;
    private readonly int _maxRecordBytes;
    private readonly byte[] _buffer;
    private int _position;
    private int _length;
    private bool _done;
    private byte[] _record = [];
    private int _recordLength;
    private byte _lastByte;
    private long _nextLine = 1;

    // CSV state, carried across buffer boundaries
    private bool _inQuotes;
    private bool _quotePending;
    private bool _fieldStarted;

    private RecordSplitter(Stream stream, bool csv, int maxRecordBytes, byte[] buffer, int position, int length, string? error)
    {
        _stream = stream;
        _csv = csv;
        _maxRecordBytes = maxRecordBytes;
        _buffer = buffer;
        _position = position;
        _length = length;
        Error = error;
        _done = error is not null;
    }

    /// <summary>Why the whole stream cannot be read as text (binary content); null when it can.</summary>
    public string? Error { get; }

    /// <summary>The line the current record starts on (1-based).</summary>
    public long Line { get; private set; }

    /// <summary>The current record's size in bytes, line break excluded; also when it is over the cap and was skipped.</summary>
    public long Bytes { get; private set; }

    /// <summary>True when the current record is larger than the cap: its bytes were skipped, not kept.</summary>
    public bool Oversize => Bytes > _maxRecordBytes;

    /// <summary>The current record's bytes (empty when <see cref="Oversize"/>); valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlyMemory<byte> Current => Oversize ? ReadOnlyMemory<byte>.Empty : _record.AsMemory(0, _recordLength);

    /// <summary>True when the current record's bytes are valid UTF-8 (always, for a transcoded UTF-16/32 input).</summary>
    public bool IsUtf8 => Utf8.IsValid(Current.Span);

    /// <summary>True when the current record holds nothing but spaces and tabs.</summary>
    public bool IsBlank => !Oversize && Current.Span.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0;

    /// <summary>The bytes the record buffer holds now, for tests: never more than the cap needs.</summary>
    internal int Capacity => _record.Length;

    /// <summary>Opens a splitter over <paramref name="stream"/> (disposed with it), sniffing its encoding first.</summary>
    public static RecordSplitter Open(Stream stream, bool csv, int maxRecordBytes, int bufferSize = 1 << 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecordBytes, 1);
        var buffer = new byte[Math.Max(bufferSize, 4)];
        // the head (what the binary check looks at) is the first buffer's content
        var headLength = ReadFully(stream, buffer.AsSpan(0, Math.Min(HeadBytes, buffer.Length)));
        ReadOnlySpan<byte> head = buffer.AsSpan(0, headLength);
        var (wide, bomLength) = head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) ? (new UTF32Encoding(false, false), 4)
            : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? (Encoding.Unicode, 2)
            : head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? (Encoding.BigEndianUnicode, 2)
            : ((Encoding?)null, 0);
        if (wide is not null)
        {
            if (!stream.CanSeek)
                return new RecordSplitter(stream, csv, maxRecordBytes, buffer, 0, 0, "UTF-16/32 input must be an uncompressed file (a seekable stream); convert it to UTF-8 or do not compress it");
            stream.Position = bomLength;
            var utf8 = Encoding.CreateTranscodingStream(stream, wide, Encoding.UTF8, leaveOpen: false);
            return new RecordSplitter(utf8, csv, maxRecordBytes, buffer, 0, 0, null);
        }
        var bom = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var error = bom == 0 && TextDecoder.LooksBinary(head) ? "binary content (NUL or control bytes), not text" : null;
        return new RecordSplitter(stream, csv, maxRecordBytes, buffer, bom, headLength, error);
    }

    /// <summary>The current record as text: strict UTF-8, else Latin-1.</summary>
    public string Text()
    {
        var bytes = Current.Span;
        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
    }

    /// <summary>Moves to the next record; false at the end of the stream.</summary>
    public bool MoveNext()
    {
        if (_done)
            return false;
        Line = _nextLine;
        Bytes = 0;
        _recordLength = 0;
        _lastByte = 0;
        _fieldStarted = false;
        var any = false;
        while (true)
        {
            if (_position == _length && !Fill())
            {
                _done = true;
                if (!any)
                    return false;
                _nextLine++;
                TrimCarriageReturn();
                return true;
            }
            any = true;
            var span = _buffer.AsSpan(_position, _length - _position);
            var end = _csv ? ScanCsv(span) : span.IndexOf((byte)'\n');
            if (end < 0)
            {
                Append(span);
                _position = _length;
                continue;
            }
            Append(span[..end]);
            _position += end + 1;
            _nextLine++;
            TrimCarriageReturn();
            return true;
        }
    }

    /// <summary>True when the stream ended inside a quoted CSV field (the last record is incomplete).</summary>
    public bool EndedInQuotes => _done && _inQuotes && !_quotePending;

    public void Dispose() => _stream.Dispose();

    /// <summary>The index of the line break that ends the CSV record in <paramref name="span"/>, or -1; counts the line breaks inside quotes.</summary>
    private int ScanCsv(ReadOnlySpan<byte> span)
    {
        for (var i = 0; i < span.Length; i++)
        {
            var b = span[i];
            if (_quotePending)
            {
                _quotePending = false;
                if (b == (byte)'"')
                    continue; // a doubled quote: a quote character inside the field
                _inQuotes = false;
            }
            if (_inQuotes)
            {
                if (b == (byte)'"')
                    _quotePending = true;
                else if (b == (byte)'\n')
                    _nextLine++;
                continue;
            }
            switch (b)
            {
                case (byte)'"' when !_fieldStarted:
                    _inQuotes = true;
                    _fieldStarted = true;
                    break;
                case (byte)',':
                    _fieldStarted = false;
                    break;
                case (byte)'\r':
                    break;
                case (byte)'\n':
                    return i;
                default:
                    _fieldStarted = true;
                    break;
            }
        }
        return -1;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
            return;
        Bytes += bytes.Length;
        _lastByte = bytes[^1];
        if (Bytes > _maxRecordBytes)
            return;
        if (_recordLength + bytes.Length > _record.Length)
            Array.Resize(ref _record, (int)Math.Min(_maxRecordBytes, Math.Max(_record.Length * 2L, _recordLength + bytes.Length + 256L)));
        bytes.CopyTo(_record.AsSpan(_recordLength));
        _recordLength += bytes.Length;
    }

    private void TrimCarriageReturn()
    {
        // a carriage return inside a quoted field left open at the end is the field's, as CsvParser keeps it
        if (_lastByte != (byte)'\r' || _inQuotes && !_quotePending)
            return;
        Bytes--;
        if (_recordLength > 0 && Bytes <= _maxRecordBytes)
            _recordLength = (int)Bytes;
    }

    private bool Fill()
    {
        _position = 0;
        _length = _stream.Read(_buffer, 0, _buffer.Length);
        return _length > 0;
    }

    private static int ReadFully(Stream stream, Span<byte> target)
    {
        var total = 0;
        int n;
        while (total < target.Length && (n = stream.Read(target[total..])) > 0)
            total += n;
        return total;
    }
}
