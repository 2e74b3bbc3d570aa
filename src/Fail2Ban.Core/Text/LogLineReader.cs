using System;
using System.IO;
using System.Text;

namespace Fail2Ban.Core.Text;

/// <summary>
/// Reads a log as Fail2Ban does (spec 3.1): bytes split after each <c>\n</c>, each line decoded as
/// UTF-8 with undecodable bytes replaced by U+FFFD, trailing <c>\r</c>/<c>\n</c> removed. Binary
/// data, NUL bytes and very long lines are just text; memory holds one line at a time.
/// </summary>
public sealed class LogLineReader : IDisposable
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false, false);
    private readonly Stream _stream;
    private readonly Encoding _encoding;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;

    public LogLineReader(Stream stream) : this(stream, null) { }

    /// <summary>
    /// A reader decoding with <paramref name="encoding"/> (<c>fail2ban-regex -e</c>; null: UTF-8); it should
    /// replace what it cannot decode (<see cref="DecoderReplacementFallback"/>), as Fail2Ban does.
    /// </summary>
    public LogLineReader(Stream stream, Encoding? encoding)
    {
        _stream = stream;
        _encoding = encoding ?? Utf8;
    }

    /// <summary>True when the last line returned had no terminating newline.</summary>
    public bool LastLineUnterminated { get; private set; }

    /// <summary>Count of lines that held bytes which are not valid in the encoding (they were replaced).</summary>
    public long UndecodableLines { get; private set; }

    /// <summary>The next line without its terminator, or null at the end.</summary>
    public string? ReadLine()
    {
        var scanFrom = _start;
        while (true)
        {
            var nl = Array.IndexOf(_buffer, (byte)'\n', scanFrom, _end - scanFrom);
            if (nl >= 0)
            {
                var line = Decode(_start, nl);
                _start = nl + 1;
                LastLineUnterminated = false;
                return line;
            }
            if (_eof)
            {
                if (_start >= _end) return null;
                var last = Decode(_start, _end);
                _start = _end;
                LastLineUnterminated = true;
                return last;
            }
            scanFrom = _end;
            Fill(ref scanFrom);
        }
    }

    private void Fill(ref int scanFrom)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            scanFrom -= _start;
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n <= 0) _eof = true;
        else _end += n;
    }

    private string Decode(int from, int to)
    {
        while (to > from && (_buffer[to - 1] == (byte)'\r' || _buffer[to - 1] == (byte)'\n')) to--;
        var text = _encoding.GetString(_buffer, from, to - from);
        if (text.IndexOf('\uFFFD') >= 0 && !ContainsEncodedReplacementChar(from, to)) UndecodableLines++;
        return text;
    }

    private bool ContainsEncodedReplacementChar(int from, int to)
    {
        for (var i = from; i + 2 < to; i++)
            if (_buffer[i] == 0xEF && _buffer[i + 1] == 0xBF && _buffer[i + 2] == 0xBD) return true;
        return false;
    }

    public void Dispose() => _stream.Dispose();
}
