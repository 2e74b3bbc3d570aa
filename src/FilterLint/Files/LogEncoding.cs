using System;
using System.Text;

namespace FilterLint.Files;

/// <summary>
/// <c>-e/--encoding</c>: a log encoding by its Python or IANA name (latin1, cp1252, utf8, iso-8859-15…),
/// decoding with undecodable bytes replaced by U+FFFD, as Fail2Ban's <c>FileContainer</c> does after a decode error.
/// </summary>
internal static class LogEncoding
{
    static LogEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding? Find(string name)
    {
        var n = name.Trim().ToLowerInvariant().Replace('_', '-');
        n = n switch
        {
            "utf8" or "u8" or "utf" => "utf-8",
            "latin1" or "latin-1" or "l1" or "iso8859-1" or "8859" => "iso-8859-1",
            "ascii" or "646" => "us-ascii",
            _ when n.StartsWith("iso8859-", StringComparison.Ordinal) => "iso-8859-" + n.Substring(8),
            _ => n,
        };
        try
        {
            var decoderFallback = new DecoderReplacementFallback("\uFFFD");
            var e = n.StartsWith("cp", StringComparison.Ordinal) && int.TryParse(n.Substring(2), out var page)
                ? Encoding.GetEncoding(page, EncoderFallback.ReplacementFallback, decoderFallback)
                : Encoding.GetEncoding(n, EncoderFallback.ReplacementFallback, decoderFallback);
            return e is UTF8Encoding ? new UTF8Encoding(false, false) : e;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
