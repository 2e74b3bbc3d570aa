using System;
using System.Text.RegularExpressions;

namespace Fail2Ban.Core.Dates;

/// <summary>
/// Span code for the most common steady template, the anchored syslog date
/// (<c>{^LN-BEG}(?:DAY )?MON Day %k:Minute:Second(?:\.Microseconds)?(?: ExYear)?</c>): it walks the
/// line in the order the template's regex tries it and answers only when that first path succeeds,
/// which is then exactly the regex's match. Anything else (a choice the regex would have to undo, a
/// non-ASCII character, a line it does not fit) is "don't know", and the caller runs the regex, which
/// stays the reference (DateRecognizerTests compares both on the corpus and on generated dates).
/// </summary>
internal sealed class SyslogDateRecognizer
{
    // The template's final Python regex around its ExYear body, which depends on the current year.
    private const string Head = @"(?iu)^(?:\W{0,2})?((?:(?P<a>mon|tue|wed|thu|fri|sat|sun) )?(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) (?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1])  ?(?P<H>[0-2]?\d):(?P<M>[0-5]?\d):(?P<S>[0-5]?\d|6[0-1])(?:\.(?P<f>[0-9]{1,6}))?(?: (?P<Y>";
    private const string Tail = @"\d))?)(?=\b|\W|$)";
    private const string Days = "montuewedthufrisatsun";
    private const string Months = "janfebmaraprmayjunjulaugsepoctnovdec";

    /// <summary>Off only to measure the regex path.</summary>
    internal static bool Enabled = true;

    private readonly Regex _year;

    private SyslogDateRecognizer(Regex year) => _year = year;

    /// <summary>The recognizer for <paramref name="template"/>, or null when it is not this template.</summary>
    public static SyslogDateRecognizer? For(DateTemplate template)
    {
        var python = template.PythonRegex;
        if (template.Kind != DateTemplateKind.Pattern || !python.StartsWith(Head, StringComparison.Ordinal) ||
            !python.EndsWith(Tail, StringComparison.Ordinal) || python.Length <= Head.Length + Tail.Length)
            return null;
        var body = python.Substring(Head.Length, python.Length - Head.Length - Tail.Length);
        // ExYear's body is digits, classes and alternations: the same syntax in Python and .NET.
        foreach (var c in body)
            if (!(c is >= '0' and <= '9' || c is '[' or ']' or '|' or '(' or ')' or '?' or ':'))
                return null;
        foreach (var fg in template.Fields)
            if (Slot(fg.Field) < 0) return null;
        return new SyslogDateRecognizer(new Regex(@"\G(?:" + body + @"\d)", RegexOptions.CultureInvariant));
    }

    /// <summary>True with the spans of the regex's match when the first path of the regex matches.</summary>
    public bool TryMatch(string line, out SyslogDateSpans spans)
    {
        spans = default;
        if (!Enabled) return false;
        var s = line;
        var p = 0;
        // ^(?:\W{0,2})? greedy
        while (p < 2 && p < s.Length && !IsWord(s[p], out var ascii)) { if (!ascii) return false; p++; }
        if (p < s.Length && s[p] > '\x7f') return false;
        var start = p;
        spans.Set(SyslogDateSpans.A, -1, 0);
        if (Name(s, p, Days) && At(s, p + 3, ' '))
        {
            spans.Set(SyslogDateSpans.A, p, 3);
            p += 4;
        }
        if (!Name(s, p, Months) || !At(s, p + 3, ' ')) return false;
        spans.Set(SyslogDateSpans.B, p, 3);
        p += 4;
        // (?P<d>[1-2]\d|[0 ]?[1-9]|3[0-1]) then a space: the first alternative followed by a space.
        int d;
        if (Range(s, p, '1', '2') && Range(s, p + 1, '0', '9') && At(s, p + 2, ' ')) d = 2;
        else if ((At(s, p, '0') || At(s, p, ' ')) && Range(s, p + 1, '1', '9') && At(s, p + 2, ' ')) d = 2;
        else if (Range(s, p, '1', '9') && At(s, p + 1, ' ')) d = 1;
        else if (At(s, p, '3') && Range(s, p + 1, '0', '1') && At(s, p + 2, ' ')) d = 2;
        else return false;
        spans.Set(SyslogDateSpans.D, p, d);
        p += d + 1;
        if (At(s, p, ' ')) p++;
        // (?P<H>[0-2]?\d): and (?P<M>[0-5]?\d): the first length followed by a colon.
        if (!Field(s, ref p, '2', SyslogDateSpans.H, ref spans) || !At(s, p++, ':')) return false;
        if (!Field(s, ref p, '5', SyslogDateSpans.M, ref spans) || !At(s, p++, ':')) return false;
        // (?P<S>[0-5]?\d|6[0-1]): its first alternative that matches here.
        int sl;
        if (Range(s, p, '0', '5') && Range(s, p + 1, '0', '9')) sl = 2;
        else if (Range(s, p, '0', '9')) sl = 1;
        else return false;
        spans.Set(SyslogDateSpans.S, p, sl);
        p += sl;
        spans.Set(SyslogDateSpans.F, -1, 0);
        if (At(s, p, '.') && Range(s, p + 1, '0', '9'))
        {
            var n = 0;
            while (n < 6 && Range(s, p + 1 + n, '0', '9')) n++;
            spans.Set(SyslogDateSpans.F, p + 1, n);
            p += 1 + n;
        }
        spans.Set(SyslogDateSpans.Y, -1, 0);
        if (At(s, p, ' ') && p + 1 < s.Length)
        {
            for (var i = p + 1; i < s.Length && i < p + 6; i++)
                if (s[i] > '\x7f') return false;
            var y = _year.Match(s, p + 1);
            if (y.Success)
            {
                spans.Set(SyslogDateSpans.Y, p + 1, y.Length);
                p += 1 + y.Length;
            }
        }
        // (?=\b|\W|$): the match ends on a digit, so the next character must not be a word character.
        if (p < s.Length)
        {
            if (IsWord(s[p], out var ascii) || !ascii) return false;
        }
        spans.Hit = TemplateHit.At(0, p, start, p - start);
        return true;
    }

    // [0-max]?\d taken greedily, then one digit, whichever is followed by ':'.
    private static bool Field(string s, ref int p, char max, int slot, ref SyslogDateSpans spans)
    {
        int n;
        if (Range(s, p, '0', max) && Range(s, p + 1, '0', '9') && At(s, p + 2, ':')) n = 2;
        else if (Range(s, p, '0', '9') && At(s, p + 1, ':')) n = 1;
        else return false;
        spans.Set(slot, p, n);
        p += n;
        return true;
    }

    internal static int Slot(DateFieldReader.Field field) => field switch
    {
        DateFieldReader.Field.DayAbbr => SyslogDateSpans.A,
        DateFieldReader.Field.MonthAbbr => SyslogDateSpans.B,
        DateFieldReader.Field.Day => SyslogDateSpans.D,
        DateFieldReader.Field.Hour => SyslogDateSpans.H,
        DateFieldReader.Field.Minute => SyslogDateSpans.M,
        DateFieldReader.Field.Second => SyslogDateSpans.S,
        DateFieldReader.Field.Fraction => SyslogDateSpans.F,
        DateFieldReader.Field.Year => SyslogDateSpans.Y,
        _ => -1,
    };

    private static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

    private static bool Range(string s, int i, char lo, char hi) => i < s.Length && s[i] >= lo && s[i] <= hi;

    // Three ASCII letters, any case, that are one of the names (3 letters each) of the list.
    private static bool Name(string s, int i, string names)
    {
        if (i + 3 > s.Length) return false;
        int a = s[i] | 0x20, b = s[i + 1] | 0x20, c = s[i + 2] | 0x20;
        if (s[i] > '\x7f' || s[i + 1] > '\x7f' || s[i + 2] > '\x7f') return false;
        for (var k = 0; k < names.Length; k += 3)
            if (names[k] == a && names[k + 1] == b && names[k + 2] == c) return true;
        return false;
    }

    private static bool IsWord(char c, out bool ascii)
    {
        ascii = c <= '\x7f';
        return c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_';
    }
}

/// <summary>Where <see cref="SyslogDateRecognizer"/> found the match and each date field (index -1: absent).</summary>
internal struct SyslogDateSpans : DateFieldReader.ICaptures
{
    public const int A = 0, B = 1, D = 2, H = 3, M = 4, S = 5, F = 6, Y = 7;

    // Eight (index, length) pairs packed in longs: no array per line, and netstandard2.0 has no inline arrays.
    private long _a, _b, _d, _h, _m, _s, _f, _y;

    public TemplateHit Hit { get; internal set; }

    internal void Set(int slot, int index, int length)
    {
        var packed = ((long)index << 32) | (uint)length;
        switch (slot)
        {
            case A: _a = packed; break;
            case B: _b = packed; break;
            case D: _d = packed; break;
            case H: _h = packed; break;
            case M: _m = packed; break;
            case S: _s = packed; break;
            case F: _f = packed; break;
            default: _y = packed; break;
        }
    }

    public readonly bool TryGet(in DateFieldReader.FieldGroup group, out int index, out int length)
    {
        var packed = SyslogDateRecognizer.Slot(group.Field) switch
        {
            A => _a, B => _b, D => _d, H => _h, M => _m, S => _s, F => _f, Y => _y,
            _ => -1L << 32,
        };
        index = (int)(packed >> 32);
        length = (int)packed;
        return index >= 0;
    }

    public readonly bool TryGetAmPm(DateTemplate template, out int index, out int length)
    {
        index = -1;
        length = 0;
        return false;
    }
}
