namespace Fail2Ban.Core.Dates;

/// <summary>
/// Span code for the Apache access-log date
/// (<c>Day(?P&lt;_sep&gt;[-/])MON(?P=_sep)ExYear[ :]?24hour:Minute:Second(?:\.Microseconds)?(?: Zone offset)?</c>,
/// <c>[05/Jan/2026:00:00:00 +0100]</c>), in both of its default forms; see <see cref="DateRecognizer"/>.
/// The anchored form is read from the line start like the other recognizers. The unanchored form
/// (the date is after the client address) is read only where the detector's fast path searches,
/// between the last date's start and end (<see cref="TryMatchAt"/>). The regex is case-insensitive.
/// </summary>
internal sealed class ApacheDateRecognizer : DateRecognizer
{
    private const string AnchoredHead = @"(?iu)^(?:\W{0,2})?(";
    private const string UnanchoredHead = @"(?iu)(?=^|\b|\W)(";
    private const string Body = @"(?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])(?P<_sep>[-/])(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?P=_sep)(?P<Y>";
    private const string Tail = @"\d)[ :]?(?P<H>[0-1]?\d|2[0-3]):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:\.(?P<f>[0-9]{1,6}))?(?: (?P<z>Z|UTC|GMT|[+-][01]\d(?::?\d{2})?))?)(?=\b|\W|$)";

    // ExYear: the three-digit prefixes it accepts (a fourth digit follows).
    private readonly bool[] _years;
    private readonly bool _anchored;

    private ApacheDateRecognizer(bool[] years, bool anchored)
    {
        _years = years;
        _anchored = anchored;
    }

    /// <summary>The recognizer for <paramref name="template"/>, or null when it is not one of this template's forms.</summary>
    public static new ApacheDateRecognizer? For(DateTemplate template) =>
        YearPrefixes(template, AnchoredHead + Body, Tail) is { } years ? new ApacheDateRecognizer(years, true)
        : YearPrefixes(template, UnanchoredHead + Body, Tail) is { } unanchored ? new ApacheDateRecognizer(unanchored, false)
        : null;

    /// <inheritdoc/>
    public override bool TryMatch(string line, out DateSpans spans)
    {
        spans = default;
        if (!Enabled || !_anchored) return false;
        var s = line;
        var p = 0;
        // ^(?:\W{0,2})? greedy: fewer would leave a non-word character where the day's digit must be
        // (a space can start the day, so a space there is "don't know").
        while (p < 2 && p < s.Length && !IsWord(s[p], out var ascii)) { if (!ascii) return false; p++; }
        if (!Date(s, p, ref spans, out var end)) return false;
        spans.Hit = TemplateHit.At(0, end, p, end - p);
        return true;
    }

    /// <summary>
    /// True with the spans when the unanchored form's search of <paramref name="line"/> from
    /// <paramref name="pos"/> with the line cut at <paramref name="end"/> (<see cref="DateTemplate.Search"/>)
    /// matches exactly <c>[pos, end)</c>, the only answer the detector's fast path takes.
    /// </summary>
    public override bool TryMatchAt(string line, int pos, int end, out DateSpans spans)
    {
        spans = default;
        if (!Enabled || _anchored || pos < 0 || end > line.Length || pos >= end) return false;
        // (?=^|\b|\W) at pos: the day starts with a digit or a space.
        if (pos > 0 && (line[pos - 1] > '\x7f' || (IsWord(line[pos - 1], out _) && line[pos] != ' '))) return false;
        // Read on the whole line, not cut at end: a character past the cut can only carry the first
        // path past end or fail its last look-ahead (both "don't know"), never change a path that ends
        // at end; and no string is cut per line.
        if (!Date(line, pos, ref spans, out var stop) || stop != end) return false;
        spans.Hit = TemplateHit.At(pos, end - pos, pos, end - pos);
        return true;
    }

    // The date at p in s, the regex's first path, ending at a word end; false: don't know.
    private bool Date(string s, int p, ref DateSpans spans, out int end)
    {
        end = -1;
        var start = p;
        // (?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1]) then the separator.
        if (!Day(s, ref p, '-', '/', ref spans)) return false;
        var sep = s[p++];
        if (!Month(s, p) || !At(s, p + 3, sep)) return false;
        spans.Set(DateSpans.B, p, 3);
        p += 4;
        if (!IsYear(s, p, _years)) return false;
        spans.Set(DateSpans.Y, p, 4);
        p += 4;
        // [ :]? greedy: the hour cannot start with either.
        if (At(s, p, ' ') || At(s, p, ':')) p++;
        if (!Hour24(s, ref p, ref spans)) return false;
        if (!SyslogDateRecognizer.Field(s, ref p, '5', DateSpans.M, ref spans) || !At(s, p++, ':')) return false;
        if (!Second(s, ref p, ref spans)) return false;
        Fraction(s, ref p, false, ref spans);
        // (?: (?P<z>Z|UTC|GMT|[+-][01]\d(?::?\d{2})?))? greedy.
        spans.Set(DateSpans.Z, -1, 0);
        var seen = p + 8; // " +01:00" and the character after it
        if (At(s, p, ' ') && ZoneLength(s, p + 1) is var z and > 0)
        {
            spans.Set(DateSpans.Z, p + 1, z);
            p += 1 + z;
        }
        // (?=\b|\W|$): the match ends on a word character, so the next one must not be one.
        if (p < s.Length && IsWord(s[p], out _)) return false;
        // Every decision read s[start..seen]: a non-ASCII character there (Unicode digits, letters that
        // fold to ASCII under IGNORECASE) is "don't know".
        for (var i = start; i < seen && i < s.Length; i++)
            if (s[i] > '\x7f') return false;
        end = p;
        return true;
    }

    private static bool Month(string s, int i)
    {
        if (i + 3 > s.Length) return false;
        const string months = "janfebmaraprmayjunjulaugsepoctnovdec";
        int a = s[i] | 0x20, b = s[i + 1] | 0x20, c = s[i + 2] | 0x20;
        for (var k = 0; k < months.Length; k += 3)
            if (months[k] == a && months[k + 1] == b && months[k + 2] == c) return true;
        return false;
    }

    // Z|UTC|GMT|[+-][01]\d(?::?\d{2})? at i, any case: the length of the first alternative that matches, or 0.
    private static int ZoneLength(string s, int i)
    {
        if (i < s.Length && (s[i] | 0x20) == 'z') return 1;
        if (i + 3 <= s.Length)
        {
            int a = s[i] | 0x20, b = s[i + 1] | 0x20, c = s[i + 2] | 0x20;
            if ((a == 'u' && b == 't' && c == 'c') || (a == 'g' && b == 'm' && c == 't')) return 3;
        }
        if (!(At(s, i, '+') || At(s, i, '-')) || !Range(s, i + 1, '0', '1') || !Range(s, i + 2, '0', '9')) return 0;
        if (At(s, i + 3, ':') && Range(s, i + 4, '0', '9') && Range(s, i + 5, '0', '9')) return 6;
        if (Range(s, i + 3, '0', '9') && Range(s, i + 4, '0', '9')) return 5;
        return 3;
    }
}
