using System;
using System.Linq;
using CsCheck;

namespace Fail2Ban.Core.Tests.Hardening;

/// <summary>
/// Generators (CsCheck) of hostile inputs: Python regexes made of tokens Fail2Ban filters use and abuse, filter
/// <c>.conf</c> texts built from such regexes and every kind of line the reader knows, and log lines.
/// </summary>
internal static class FuzzInputs
{
    private static readonly string[] RegexTokens =
    {
        "a", "b", "x", "0", " ", "-", ":", ".", "\\.", "\\d", "\\w", "\\s", "\\S", "\\W", "\\b", "\\B", "\\A", "\\Z", "\\1", "\\2",
        "\\x41", "\\u00e9", "\\U0001F600", "\\0", "\\N", "\\q", "\\", "[a-z]", "[^\\]]", "[\\d+-]", "[", "]", "[]", "[^]", "[z-a]",
        "*", "+", "?", "{2}", "{1,3}", "{,2}", "{2,}", "{999999999}", "{4294967295}", "*?", "+?", "??", "++", "*+", "{",
        "(", "(", "(?:", "(?P<n>", "(?P<user>", "(?P=n)", "(?=", "(?!", "(?<=a", "(?<!b", "(?(1)", "(?(n)", "(?i)", "(?x)", "(?s)",
        "(?i:", "(?-i:", "(?#c)", "(?>", "(?P", "(?", ")", ")", "|", "||", "^", "$", "^", "$",
        "<HOST>", "<ADDR>", "<IP4>", "<IP6>", "<DNS>", "<CIDR>", "<SUBNET>", "<F-USER>", "</F-USER>", "<F-ID>", "</F-ID>",
        "<F-NOFAIL>", "<F-MLFID>", "</F-MLFID>", "<F-MLFFORGET>", "<SKIPLINES>", "<F-ALT_USER>", "</F-ALT_USER>", "<host>", "<__prefix_line>",
        "%(known/failregex)s", "%(_daemon)s", "%(x)s", "%%", "%", "é", "\u2028", "\u0085", "\t", "#", ";", " ;c", "\\n",
    };

    private static readonly string[] PlausibleTokens =
    {
        "Failed ", "password ", "for ", "(?:invalid user )?", "\\S+ ", "\\S* ", ".*", ".+?", "\\d+", "\\w+", " ", "port \\d+",
        "(?:\\s+ssh\\d)?", "<F-USER>\\S+</F-USER> ", "(?i)", "[a-z]{3,5}", "\\[\\d+\\]: ", "(?:from )?", "'", "\"", ": ",
    };

    /// <summary>A Python regex: 0 to 40 tokens, one shaped like a real failregex, or a pathological shape (deep nesting, long literal, huge repetition).</summary>
    public static readonly Gen<string> Regex = Gen.Frequency(
        (12, Gen.OneOf(RegexTokens).Array[0, 40].Select(t => string.Concat(t))),
        (8, Gen.OneOf(PlausibleTokens).Array[0, 10].Select(t => "^" + string.Concat(t) + "from <HOST>(?: port \\d+)?\\s*$")),
        (1, Gen.Int[1, 3000].Select(n => "^" + new string('(', n) + "a" + new string(')', n) + " <HOST>$")),
        (1, Gen.Int[1, 200].Select(n => "^" + string.Concat(Enumerable.Repeat("(?:a|b)*", n)) + "<HOST>$")),
        (1, Gen.Int[1, 100_000].Select(n => "^" + new string('a', n) + " <HOST>$")));

    private static readonly string[] DatePatterns =
    {
        "%%Y-%%m-%%d %%H:%%M:%%S", "{^LN-BEG}", "{^LN-BEG}%%b %%d %%H:%%M:%%S", "EPOCH", "LEPOCH", "TAI64N", "{NONE}",
        "^%%Y-%%m-%%d ((", "%%ExY%%Y", "%%z %%Z", "%%f", "^(?:(a+)+)b%%Y", "%%", "%%Q",
    };

    private static readonly Gen<string> ConfLine = Gen.Frequency(
        (3, Gen.OneOf("[Definition]", "[INCLUDES]", "[Init]", "[DEFAULT]", "[lt_short]", "[Definition", "[]", "[Definition]]")),
        (2, Gen.OneOf("before = inc.conf", "after = inc.conf", "before = test.conf", "before = missing.conf", "before = inc.conf\n         other.conf")),
        (6, Regex.Select(r => "failregex = " + r)),
        (4, Regex.Select(r => "            " + r)),
        (2, Regex.Select(r => "ignoreregex = " + r)),
        (2, Regex.Select(r => "prefregex = " + r)),
        (2, Gen.OneOf(DatePatterns).Select(d => "datepattern = " + d)),
        (2, Regex.Select(r => "_x = " + r)),
        (1, Gen.OneOf("_y = %(_x)s %(_x)s", "_x = %(_y)s", "l0 = ab", "l1 = <l0><l0>", "l2 = <l1><l1>", "failregex = <l2> <HOST>")),
        (1, Gen.OneOf("maxlines = 2", "maxlines = 0", "maxlines = x", "usedns = no", "usedns = raw", "mode = aggressive", "logtype = short")),
        (1, Gen.OneOf("journalmatch = _SYSTEMD_UNIT=sshd.service + _COMM=sshd", "journalmatch = =", "# comment", "; comment", "", "   ")),
        (1, Gen.String[0, 30]));

    /// <summary>A filter <c>.conf</c> text (usually starting with a <c>[Definition]</c> header).</summary>
    public static readonly Gen<string> Conf = Gen.Select(Gen.Int[0, 9], ConfLine.Array[0, 14],
        (header, lines) => (header == 0 ? "" : "[Definition]\n") + string.Join(header == 1 ? "\r\n" : "\n", lines) + "\n");

    private static readonly string[] LogTokens =
    {
        "Failed password for root from 192.0.2.1 port 22", "2026-11-28 10:00:00 ", "Nov 28 10:00:00 ", "1764324000 ", "@4000000069296d2000000000 ", "host", "sshd[123]:", "Failed",
        "password", "for", "root", "from", "192.0.2.1", "2001:db8::1", "[2001:db8::1]:22", "::", "::ffff:192.0.2.1", "port", "22",
        "user", "\"bob\"", "é", "\u2028", "\t", " ", "  ", ":", "a", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "x 1.2.3.4", "\0",
    };

    /// <summary>A log line: tokens a real line has, in any order, sometimes with a long run.</summary>
    public static readonly Gen<string> LogLine = Gen.Frequency(
        (10, Gen.OneOf(LogTokens).Array[0, 16].Select(t => string.Join(" ", t))),
        (1, Gen.Int[1, 20_000].Select(n => "2026-11-28 10:00:00 host postfix: reject RCPT from x[192.0.2.1]: " + new string(' ', n) + "<u@x>")),
        (1, Gen.String[0, 80]));

    /// <summary>The <paramref name="index"/>-th input of a deterministic stream (seed and index give the same input on every run).</summary>
    public static T Nth<T>(Gen<T> gen, ulong seed, int index) => gen.Generate(new PCG((uint)index, seed), null, out _);
}
