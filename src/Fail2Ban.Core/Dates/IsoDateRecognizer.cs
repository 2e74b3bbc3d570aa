using System;

namespace Fail2Ban.Core.Dates;

/// <summary>
/// Span code for the anchored ISO 8601 date
/// (<c>{^LN-BEG}ExYear(?P&lt;_sep&gt;[-/.])Month(?P=_sep)Day(?:T|  ?)24hour:Minute:Second(?:[.,]Microseconds)?(?:\s*Zone offset)?</c>,
/// nginx's <c>2026/01/05 00:00:00</c> among others); see <see cref="DateRecognizer"/>. The regex is
/// case-sensitive.
/// </summary>
internal sealed class IsoDateRecognizer : DateRecognizer
{
    private const string Head = @"^(?:\W{0,2})?((?P<Y>";
    private const string Tail = @"\d)(?P<_sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=_sep)(?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])(?:T|  ?)(?P<H>[0-1]?\d|2[0-3]):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:[.,](?P<f>[0-9]{1,6}))?(?:\s*(?P<z>Z|UTC|GMT|[+-][01]\d(?::?\d{2})?))?)(?=\b|\W|$)";

    // ExYear: the three-digit prefixes it accepts (a fourth digit follows).
    private readonly bool[] _years;

    private IsoDateRecognizer(bool[] years) => _years = years;

    /// <summary>The recognizer for <paramref name="template"/>, or null when it is not this template.</summary>
    public static new IsoDateRecognizer? For(DateTemplate template) =>
        YearPrefixes(template, Head, Tail) is { } years ? new IsoDateRecognizer(years) : null;

    /// <inheritdoc/>
    public override bool TryMatch(string line, out DateSpans spans)
    {
        spans = default;
        if (!Enabled) return false;
        var s = line;
        // Every decision below reads s[0..seen]; a non-ASCII character there (a Unicode digit, space
        // or letter, which \d, \s and \b would see differently from these ASCII checks) is "don't know".
        var p = 0;
        // ^(?:\W{0,2})? greedy: fewer would leave a non-word character where the year's digit must be.
        while (p < 2 && p < s.Length && !IsWord(s[p], out _)) p++;
        var start = p;
        if (!IsYear(s, p, _years)) return false;
        spans.Set(DateSpans.Y, p, 4);
        p += 4;
        // (?P<_sep>[-/.])
        if (p >= s.Length || s[p] is not ('-' or '/' or '.')) return false;
        var sep = s[p++];
        // (?P<m>0?[1-9]|1[0-2]) then the separator again: the first alternative followed by it.
        int n;
        if (At(s, p, '0') && Range(s, p + 1, '1', '9') && At(s, p + 2, sep)) n = 2;
        else if (Range(s, p, '1', '9') && At(s, p + 1, sep)) n = 1;
        else if (At(s, p, '1') && Range(s, p + 1, '0', '2') && At(s, p + 2, sep)) n = 2;
        else return false;
        spans.Set(DateSpans.B, p, n);
        p += n + 1;
        // (?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1]) then (?:T|  ?).
        if (!Day(s, ref p, 'T', ' ', ref spans)) return false;
        // (?:T|  ?): a second space only when there is one (a space cannot start the hour).
        p += At(s, p, 'T') ? 1 : At(s, p + 1, ' ') ? 2 : 1;
        if (!Hour24(s, ref p, ref spans)) return false;
        if (!SyslogDateRecognizer.Field(s, ref p, '5', DateSpans.M, ref spans) || !At(s, p++, ':')) return false;
        if (!Second(s, ref p, ref spans)) return false;
        var seen = p;
        Fraction(s, ref p, true, ref spans);
        // (?:\s*(?P<z>Z|UTC|GMT|[+-][01]\d(?::?\d{2})?))? greedy; when no zone follows the spaces,
        // the group matches nothing (a zone cannot start with a space).
        spans.Set(DateSpans.Z, -1, 0);
        var q = p;
        while (q < s.Length && s[q] is ' ' or '\t' or '\n' or '\r' or '\f' or '\v') q++;
        seen = Math.Max(seen, q + 6);
        n = ZoneLength(s, q);
        if (n > 0)
        {
            spans.Set(DateSpans.Z, q, n);
            p = q + n;
        }
        seen = Math.Max(seen, p + 1);
        // (?=\b|\W|$): the match ends on a word character, so the next one must not be one.
        if (p < s.Length && IsWord(s[p], out _)) return false;
        for (var i = 0; i < seen && i < s.Length; i++)
            if (s[i] > '\x7f' || s[i] is >= '\x1c' and <= '\x1f') return false;
        spans.Hit = TemplateHit.At(0, p, start, p - start);
        return true;
    }

    // Z|UTC|GMT|[+-][01]\d(?::?\d{2})? at i: the length of the first alternative that matches, or 0.
    private static int ZoneLength(string s, int i)
    {
        if (At(s, i, 'Z')) return 1;
        if (string.CompareOrdinal(s, i, "UTC", 0, 3) == 0 || string.CompareOrdinal(s, i, "GMT", 0, 3) == 0)
            return i + 3 <= s.Length ? 3 : 0;
        if (!(At(s, i, '+') || At(s, i, '-')) || !Range(s, i + 1, '0', '1') || !Range(s, i + 2, '0', '9')) return 0;
        if (At(s, i + 3, ':') && Range(s, i + 4, '0', '9') && Range(s, i + 5, '0', '9')) return 6;
        if (Range(s, i + 3, '0', '9') && Range(s, i + 4, '0', '9')) return 5;
        return 3;
    }
}
