using System;
using System.Text;

namespace Fail2Ban.Core.Config;

/// <summary>
/// The contents of a config file as Fail2Ban sees them: text decoded as strict UTF-8 (a BOM is kept as
/// U+FEFF, as Python's <c>utf-8</c> codec does), or the place where decoding failed.
/// </summary>
public sealed class ConfigFileText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private ConfigFileText(string? text, string? decodeError, int errorLine, int errorColumn)
    {
        Text = text;
        DecodeError = decodeError;
        ErrorLine = errorLine;
        ErrorColumn = errorColumn;
    }

    /// <summary>The decoded text, or null if the file is not valid UTF-8.</summary>
    public string? Text { get; }

    /// <summary>Why decoding failed, or null when <see cref="Text"/> is set.</summary>
    public string? DecodeError { get; }

    /// <summary>1-based line of the first undecodable byte (0 when decoding succeeded).</summary>
    public int ErrorLine { get; }

    /// <summary>1-based column (in decoded characters) of the first undecodable byte (0 when decoding succeeded).</summary>
    public int ErrorColumn { get; }

    /// <summary>
    /// The id of a file that was not read at all (not a regular file, too large: <see cref="Unreadable"/>); its
    /// <see cref="DecodeError"/> is then the whole message. Null for a decoded or undecodable file.
    /// </summary>
    public string? UnreadableId { get; private set; }

    /// <summary>A file the source refused to read (a device, a FIFO, past <see cref="Diagnostics.EngineLimits.MaxConfigFileBytes"/>): <paramref name="message"/> says why.</summary>
    public static ConfigFileText Unreadable(string id, string message) => new(null, message, 1, 1) { UnreadableId = id };

    /// <summary>Already decoded text.</summary>
    public static ConfigFileText FromText(string text) =>
        new(text ?? throw new ArgumentNullException(nameof(text)), null, 0, 0);

    /// <summary>A file that could not be decoded, failing at <paramref name="line"/>/<paramref name="column"/>.</summary>
    public static ConfigFileText Undecodable(string message, int line, int column) => new(null, message, line, column);

    /// <summary>
    /// Text a host already decoded with <paramref name="encoding"/> (Roslyn's AdditionalFiles: UTF-8, or UTF-16/32 after
    /// a byte order mark, or a legacy code page when the bytes are not UTF-8), judged as Fail2Ban judges the file's
    /// bytes: anything not read as UTF-8 is re-encoded and decoded strictly, so the error and its place are the CLI's.
    /// </summary>
    public static ConfigFileText FromDecodedText(string text, Encoding? encoding)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        if (encoding is null) return FromText(text);
        if (encoding is UTF8Encoding)
        {
            // Read as UTF-8 with replacement (the compiler's fallback on Linux): a U+FFFD it wrote marks bytes that are
            // not UTF-8. A strict decoder (the compiler's first try) leaves none.
            var replaced = encoding.DecoderFallback is DecoderExceptionFallback ? -1 : text.IndexOf('\uFFFD');
            // The compiler skips a UTF-8 byte order mark and then reports UTF-8 with a preamble (without one it decodes
            // with a preamble-less UTF-8): Python keeps the mark as U+FEFF, and Fail2Ban rejects the file for it.
            if (replaced < 0) return FromText(encoding.GetPreamble().Length > 0 && (text.Length == 0 || text[0] != '\uFEFF') ? "\uFEFF" + text : text);
            var (line, column) = LineAndColumn(text, replaced);
            return Undecodable("'utf-8' codec can't decode a byte at line " + line + ", column " + column
                + " (the compiler read it as U+FFFD): file is not valid UTF-8", line, column);
        }
        var preamble = encoding is UnicodeEncoding || encoding is UTF32Encoding ? encoding.GetPreamble() : new byte[0];
        var body = encoding.GetBytes(text);
        var bytes = new byte[preamble.Length + body.Length];
        Buffer.BlockCopy(preamble, 0, bytes, 0, preamble.Length);
        Buffer.BlockCopy(body, 0, bytes, preamble.Length, body.Length);
        return FromBytes(bytes);
    }

    /// <summary>Decodes raw file bytes as strict UTF-8, locating the first invalid byte on failure.</summary>
    public static ConfigFileText FromBytes(byte[] bytes)
    {
        if (bytes is null) throw new ArgumentNullException(nameof(bytes));
        try
        {
            return FromText(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException e)
        {
            var index = e.Index;
            if (index < 0 || index > bytes.Length) index = FindInvalidByte(bytes);
            var prefix = Encoding.UTF8.GetString(bytes, 0, index);
            var (line, column) = LineAndColumn(prefix, prefix.Length);
            var b = index < bytes.Length ? bytes[index] : (byte)0;
            return Undecodable("'utf-8' codec can't decode byte 0x" + b.ToString("x2") + " at position " + index + ": file is not valid UTF-8",
                line, column);
        }
    }

    /// <summary>1-based line and column of <paramref name="index"/>, lines ending as Python reads them (\r\n, \r, \n).</summary>
    private static (int Line, int Column) LineAndColumn(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, index - lineStart + 1);
    }

    private static int FindInvalidByte(byte[] bytes)
    {
        var lo = 0;
        var hi = bytes.Length;
        // Largest prefix that decodes: binary search is enough because validity is prefix-closed up to a character.
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            try
            {
                StrictUtf8.GetString(bytes, 0, mid);
                lo = mid;
            }
            catch (DecoderFallbackException)
            {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
