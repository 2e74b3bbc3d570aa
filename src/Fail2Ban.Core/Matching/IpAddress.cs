using System;
using System.Globalization;
using System.Text;

namespace Fail2Ban.Core.Matching;

/// <summary>
/// Fail2Ban's address value (<c>IPAddr</c>): parses IPv4/IPv6 text as glibc's <c>inet_pton</c> does
/// and prints it as <c>inet_ntop</c> does, so failure ids compare and print exactly as Fail2Ban's.
/// Text that is not an address (a host name, <c>192.0.2.09</c>) is kept verbatim ("raw").
/// </summary>
public sealed class IpAddress : IEquatable<IpAddress>
{
    /// <summary>Prefix length meaning "keep the text verbatim, do not parse".</summary>
    public const int CidrRaw = -2;
    /// <summary>Prefix length meaning "parse, strip brackets, accept addr/len".</summary>
    public const int CidrUnspec = -1;
    /// <summary>Parse as IPv4 only (Fail2Ban's <c>FAM_IPv4</c>).</summary>
    public const int FamilyIPv4 = CidrRaw - 2;
    /// <summary>Parse as IPv6 only (Fail2Ban's <c>FAM_IPv6</c>).</summary>
    public const int FamilyIPv6 = CidrRaw - 10;

    private readonly ulong _hi;
    private readonly ulong _lo;

    private IpAddress(string raw, AddressFamily family, ulong hi, ulong lo, int prefix)
    {
        Raw = raw;
        Family = family;
        _hi = hi;
        _lo = lo;
        PrefixLength = prefix;
        Text = Format();
    }

    public enum AddressFamily { Raw, IPv4, IPv6 }

    /// <summary>The text the address was made from.</summary>
    public string Raw { get; }

    public AddressFamily Family { get; }

    public int PrefixLength { get; }

    /// <summary>Canonical text (Fail2Ban's <c>ntoa</c>): the raw text for non-addresses.</summary>
    public string Text { get; }

    public bool IsValid => Family != AddressFamily.Raw;

    /// <summary>Builds an address as Fail2Ban's <c>IPAddr(text, cidr)</c> does.</summary>
    public static IpAddress Create(string text, int cidr = CidrUnspec)
    {
        if (cidr == CidrRaw) return new IpAddress(text, AddressFamily.Raw, 0, 0, 0);
        var raw = text;
        if (cidr == CidrUnspec)
        {
            if (text.Length > 2 && text[0] == '[' && text[text.Length - 1] == ']')
                text = text.Substring(1, text.Length - 2);
            var slash = text.IndexOf('/');
            if (slash >= 0)
            {
                var maskText = text.Substring(slash + 1);
                text = text.Substring(0, slash);
                if (!TryParseMask(maskText, out cidr)) return new IpAddress(raw, AddressFamily.Raw, 0, 0, 0);
            }
            raw = text;
        }

        var tryV4 = cidr != FamilyIPv6;
        var tryV6 = cidr != FamilyIPv4;
        if (tryV4 && TryParseIPv4(text, out var v4))
        {
            var plen = 32;
            if (cidr >= 0)
            {
                if (cidr > 32) return new IpAddress(raw, AddressFamily.Raw, 0, 0, 0);
                v4 &= (uint)(HighBits(cidr + 32) & 0xFFFFFFFF);
                plen = cidr;
            }
            return new IpAddress(raw, AddressFamily.IPv4, 0, v4, plen);
        }
        if (tryV6 && TryParseIPv6(text, out var hi, out var lo))
        {
            var plen = 128;
            if (cidr >= 0)
            {
                if (cidr > 128) return new IpAddress(raw, AddressFamily.Raw, 0, 0, 0);
                MaskIPv6(ref hi, ref lo, cidr);
                plen = cidr;
            }
            else if (hi == 0 && (lo >> 32) == 0xFFFF)
            {
                // IPv4-mapped (::ffff:0:0/96) addresses become IPv4, as in Fail2Ban.
                return new IpAddress(raw, AddressFamily.IPv4, 0, lo & 0xFFFFFFFF, 32);
            }
            return new IpAddress(raw, AddressFamily.IPv6, hi, lo, plen);
        }
        return new IpAddress(raw, AddressFamily.Raw, 0, 0, 0);
    }

    public override string ToString() => Text;

    public bool Equals(IpAddress? other) =>
        other is not null && Family == other.Family && (Family == AddressFamily.Raw
            ? string.Equals(Raw, other.Raw, StringComparison.Ordinal)
            : _hi == other._hi && _lo == other._lo && PrefixLength == other.PrefixLength);

    public override bool Equals(object? obj) => Equals(obj as IpAddress);

    public override int GetHashCode() => Family == AddressFamily.Raw ? Raw.GetHashCode() : HashCode.Combine(_hi, _lo, PrefixLength);

    private static void MaskIPv6(ref ulong hi, ref ulong lo, int plen)
    {
        if (plen <= 64)
        {
            hi &= HighBits(plen);
            lo = 0;
        }
        else
        {
            lo &= HighBits(plen - 64);
        }
    }

    // The top `bits` bits of 64 set (a shift by 64 would shift by 0 in C#, so 64 is its own case).
    private static ulong HighBits(int bits) => bits <= 0 ? 0 : bits >= 64 ? ulong.MaxValue : ~(ulong.MaxValue >> bits);

    private static bool TryParseMask(string mask, out int plen)
    {
        plen = 0;
        if (mask.IndexOf('.') >= 0 || mask.IndexOf(':') >= 0)
        {
            var m = Create(mask, CidrUnspec);
            if (!m.IsValid) return false;
            // Count leading one bits, as Fail2Ban's masktoplen does.
            if (m.Family == AddressFamily.IPv4)
            {
                var v = (uint)m._lo;
                while ((v & 0x80000000u) != 0) { plen++; v <<= 1; }
            }
            else
            {
                var h = m._hi; var l = m._lo;
                while ((h & 0x8000000000000000ul) != 0) { plen++; h <<= 1; }
                if (plen == 64) while ((l & 0x8000000000000000ul) != 0) { plen++; l <<= 1; }
            }
            return true;
        }
        return int.TryParse(mask.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out plen);
    }

    /// <summary>glibc <c>inet_pton(AF_INET)</c>: exactly four decimal parts 0-255, no leading zeros.</summary>
    internal static bool TryParseIPv4(string s, out uint value) => TryParseIPv4(s, 0, s.Length, out value);

    private static bool TryParseIPv4(string s, int start, int end, out uint value)
    {
        value = 0;
        var parts = 0;
        var i = start;
        while (true)
        {
            if (i >= end || s[i] < '0' || s[i] > '9') return false;
            var digitsStart = i;
            var part = 0;
            while (i < end && s[i] >= '0' && s[i] <= '9')
            {
                part = part * 10 + (s[i] - '0');
                if (part > 255) return false;
                i++;
            }
            if (i - digitsStart > 1 && s[digitsStart] == '0') return false;
            value = (value << 8) | (uint)part;
            parts++;
            if (parts == 4) return i == end;
            if (i >= end || s[i] != '.') return false;
            i++;
        }
    }

    /// <summary>glibc <c>inet_pton(AF_INET6)</c>, including a trailing dotted IPv4 part.</summary>
    internal static bool TryParseIPv6(string s, out ulong hi, out ulong lo)
    {
        hi = lo = 0;
        var words = new ushort[8];
        var count = 0;
        var gap = -1;
        var i = 0;
        var n = s.Length;
        if (n == 0) return false;
        if (s[0] == ':')
        {
            if (n < 2 || s[1] != ':') return false;
            i = 1;
        }
        var curStart = i;
        var sawXDigit = false;
        var val = 0;
        var digits = 0;
        while (i < n)
        {
            var c = s[i];
            var hex = HexValue(c);
            if (hex >= 0)
            {
                if (++digits > 4) return false;
                val = (val << 4) | hex;
                sawXDigit = true;
                i++;
                continue;
            }
            if (c == ':')
            {
                curStart = i + 1;
                if (!sawXDigit)
                {
                    if (gap >= 0) return false;
                    gap = count;
                    i++;
                    continue;
                }
                if (i + 1 >= n) return false;
                if (count >= 8) return false;
                words[count++] = (ushort)val;
                sawXDigit = false;
                val = 0;
                digits = 0;
                i++;
                continue;
            }
            if (c == '.' && count <= 6)
            {
                if (!TryParseIPv4(s, curStart, n, out var v4)) return false;
                words[count++] = (ushort)(v4 >> 16);
                words[count++] = (ushort)(v4 & 0xFFFF);
                sawXDigit = false;
                i = n;
                break;
            }
            return false;
        }
        if (sawXDigit)
        {
            if (count >= 8) return false;
            words[count++] = (ushort)val;
        }
        if (gap >= 0)
        {
            if (count == 8) return false;
            var shift = 8 - count;
            for (var k = count - 1; k >= gap; k--) words[k + shift] = words[k];
            for (var k = gap; k < gap + shift; k++) words[k] = 0;
            count = 8;
        }
        if (count != 8) return false;
        for (var k = 0; k < 4; k++) hi = (hi << 16) | words[k];
        for (var k = 4; k < 8; k++) lo = (lo << 16) | words[k];
        return true;
    }

    private static int HexValue(char c) =>
        c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

    private string Format()
    {
        switch (Family)
        {
            case AddressFamily.IPv4:
            {
                var v = (uint)_lo;
                // Most addresses are written canonically already: their text is reused (one per failure, no copy).
                Span<char> text = stackalloc char[15];
                var length = 0;
                for (var shift = 24; shift >= 0; shift -= 8)
                {
                    if (shift != 24) text[length++] = '.';
                    var octet = (v >> shift) & 0xFF;
                    if (octet >= 100) text[length++] = (char)('0' + octet / 100);
                    if (octet >= 10) text[length++] = (char)('0' + octet / 10 % 10);
                    text[length++] = (char)('0' + octet % 10);
                }
                var canonical = text.Slice(0, length);
                var s = canonical.SequenceEqual(Raw.AsSpan()) ? Raw : canonical.ToString();
                return PrefixLength > 0 && PrefixLength < 32 ? s + "/" + PrefixLength.ToString(CultureInfo.InvariantCulture) : s;
            }
            case AddressFamily.IPv6:
            {
                var s = FormatIPv6(_hi, _lo);
                return PrefixLength > 0 && PrefixLength < 128 ? s + "/" + PrefixLength.ToString(CultureInfo.InvariantCulture) : s;
            }
            default:
                return Raw;
        }
    }

    /// <summary>glibc <c>inet_ntop(AF_INET6)</c>: the longest run (2+) of zero words compressed, first wins.</summary>
    private static string FormatIPv6(ulong hi, ulong lo)
    {
        var w = new int[8];
        for (var k = 0; k < 4; k++) w[k] = (int)((hi >> (48 - 16 * k)) & 0xFFFF);
        for (var k = 0; k < 4; k++) w[4 + k] = (int)((lo >> (48 - 16 * k)) & 0xFFFF);
        int bestBase = -1, bestLen = 0, curBase = -1, curLen = 0;
        for (var k = 0; k < 8; k++)
        {
            if (w[k] == 0)
            {
                if (curBase < 0) { curBase = k; curLen = 1; } else curLen++;
            }
            else if (curBase >= 0)
            {
                if (bestBase < 0 || curLen > bestLen) { bestBase = curBase; bestLen = curLen; }
                curBase = -1;
            }
        }
        if (curBase >= 0 && (bestBase < 0 || curLen > bestLen)) { bestBase = curBase; bestLen = curLen; }
        if (bestBase >= 0 && bestLen < 2) bestBase = -1;

        var sb = new StringBuilder(40);
        for (var k = 0; k < 8; k++)
        {
            if (bestBase >= 0 && k >= bestBase && k < bestBase + bestLen)
            {
                if (k == bestBase) sb.Append(':');
                continue;
            }
            if (k != 0) sb.Append(':');
            // Embedded IPv4 for the compatible (::a.b.c.d) and mapped (::ffff:a.b.c.d) forms.
            if (k == 6 && bestBase == 0 && (bestLen == 6 || bestLen == 5 && w[5] == 0xffff))
            {
                sb.Append(w[6] >> 8).Append('.').Append(w[6] & 0xFF).Append('.').Append(w[7] >> 8).Append('.').Append(w[7] & 0xFF);
                return sb.ToString();
            }
            sb.Append(w[k].ToString("x", CultureInfo.InvariantCulture));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) sb.Append(':');
        return sb.ToString();
    }
}
