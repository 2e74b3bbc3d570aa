using System.Collections.Generic;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Matching;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Probing;

/// <summary>
/// The forms daemons write an address in: IPv6 (compressed, full, loopback, IPv4-mapped, bracketed before a port, an SMTP address
/// literal <c>IPv6:2001:db8::1</c> where the daemon writes one), a host name, and the client
/// port after it (<c>addr:port</c>, <c> port N</c> as OpenSSH writes, <c>,port=N</c> in key=value records).
/// Each keeps the line a failure of the same client.
/// </summary>
internal static class AddressVariations
{
    public const string Port = "51234";

    private static readonly (string Name, string Address)[] IPv6Forms =
    {
        ("ipv6", AddressTags.DefaultIPv6),
        ("ipv6-full", "2001:db8:1:2:3:4:5:6"),
        ("ipv6-loopback", "::1"),
    };

    /// <param name="addressLiterals">Whether the daemon writes IPv6 clients as SMTP address literals (<see cref="AddressLiteralForm"/>).</param>
    public static IEnumerable<ProbeVariant> For(ProbeBaseLine line, TagExpansion? tag, bool useDnsIsNo, bool addressLiterals = false)
    {
        var host = line.HostText;
        if (!IsIPv4(host)) yield break;
        // A bracketed address takes its port after the bracket: [192.0.2.1]:51234.
        var bracketed = line.HostStart > 0 && line.Text[line.HostStart - 1] == '[' && line.HostEnd < line.Text.Length && line.Text[line.HostEnd] == ']';
        var portAt = bracketed ? line.HostEnd + 1 : line.HostEnd;
        // A port already after the address: daemons bracket an IPv6 address there, which is another form.
        var hasPort = HasPort(line.Text, portAt);
        var acceptsIPv6 = (tag is null || AcceptsIPv6(tag)) && !hasPort;
        if (acceptsIPv6)
            foreach (var (name, address) in IPv6Forms)
                yield return Variant(line, tag, name, ProbeFamily.Address, line.Replace(line.HostStart, line.HostEnd, address), Normalize(address),
                    "the address written as IPv6 " + address);
        // Sendmail writes an IPv6 client as an address literal, [IPv6:2001:db8::1]: the same client, the tag not part of the address.
        // An IPv4-mapped client it writes as plain IPv4 (sendmail's anynet_ntop), so no [IPv6:::ffff:a.b.c.d] form is tried.
        if (acceptsIPv6 && addressLiterals && AddressLiteralForm.FitsAt(line))
            yield return Variant(line, tag, "ipv6-literal", ProbeFamily.Address,
                line.Replace(line.HostStart, line.HostEnd, AddressLiteralForm.IPv6Tag + AddressTags.DefaultIPv6), Normalize(AddressTags.DefaultIPv6),
                "the address written as the SMTP address literal " + AddressLiteralForm.IPv6Tag + AddressTags.DefaultIPv6 + " (as sendmail writes an IPv6 client)");
        if (acceptsIPv6)
        {
            // A dual-stack socket reports an IPv4 client as an IPv4-mapped IPv6 address (sshd, ejabberd): the same client.
            yield return Variant(line, tag, "ipv6-mapped", ProbeFamily.Address, line.Replace(line.HostStart, line.HostEnd, "::ffff:" + host), host,
                "the address written as an IPv4-mapped IPv6 address ::ffff:" + host);
        }
        // Where the daemon writes IPv4:port, it sets an IPv6 address off from the port with brackets: [2001:db8::1]:port.
        if (hasPort && !bracketed && portAt < line.Text.Length && line.Text[portAt] == ':' && tag is not null && AcceptsIPv6(tag))
            yield return Variant(line, tag, "ipv6-bracketed", ProbeFamily.Address,
                line.Replace(line.HostStart, line.HostEnd, "[" + AddressTags.DefaultIPv6 + "]"), Normalize(AddressTags.DefaultIPv6),
                "the address written as IPv6 in brackets before the port ([" + AddressTags.DefaultIPv6 + "]" + line.Text.Substring(portAt, PortLength(line.Text, portAt)) + ")");
        if (tag is { Kind: TagExpansionKind.Host } && !useDnsIsNo)
            yield return Variant(line, tag, "host-name", ProbeFamily.Address, line.Replace(line.HostStart, line.HostEnd, AddressTags.DefaultHostName),
                AddressTags.DefaultHostName, "a host name in place of the address");

        var after = line.HostEnd < line.Text.Length ? line.Text[line.HostEnd] : '\0';
        // A line that already carries a port after the address is not given a second one.
        if (hasPort) yield break;
        yield return Variant(line, tag, "ipv4:port", ProbeFamily.Port, line.Replace(portAt, portAt, ":" + Port), host,
            "the client port after the address (" + (bracketed ? "[" + host + "]" : host) + ":" + Port + ")");
        if (bracketed) yield break;
        if (after != ',')
            yield return Variant(line, tag, "port-word", ProbeFamily.Port, line.Replace(line.HostEnd, line.HostEnd, " port " + Port), host,
                "' port " + Port + "' after the address, as OpenSSH writes it");
        if (after == ',' || after == ';')
            yield return Variant(line, tag, "port-field", ProbeFamily.Port, line.Replace(line.HostEnd, line.HostEnd, after + "port=" + Port), host,
                "a port=" + Port + " field after the address field");
        if (acceptsIPv6)
            yield return Variant(line, tag, "ipv6:port", ProbeFamily.Port,
                line.Replace(line.HostStart, line.HostEnd, AddressTags.DefaultIPv6 + ":" + Port), Normalize(AddressTags.DefaultIPv6),
                "an IPv6 address followed by the client port (" + AddressTags.DefaultIPv6 + ":" + Port + ")");

        if (IsKeyValueField(line) && line.Text.Substring(line.HostEnd).Trim().Length == 0)
        {
            var end = line.Text.TrimEnd().Length;
            yield return Variant(line, tag, "trailing-user", ProbeFamily.TrailingField, line.Replace(end, end, " user=alice"), host,
                "a user=alice field appended to the key=value record");
        }
    }

    /// <summary>The length of <c>:N</c> at <paramref name="at"/>.</summary>
    private static int PortLength(string text, int at)
    {
        var end = at + 1;
        while (end < text.Length && char.IsDigit(text[end])) end++;
        return end - at;
    }

    /// <summary>Whether a port already follows the address (<c>:N</c>, <c> port N</c>, <c>,port=N</c>, <c>#N</c>).</summary>
    private static bool HasPort(string text, int at)
    {
        var rest = text.Substring(at);
        return rest.Length > 1 && (rest[0] == ':' || rest[0] == '#') && char.IsDigit(rest[1])
            || rest.StartsWith(" port ", System.StringComparison.Ordinal) || rest.StartsWith(",port=", System.StringComparison.Ordinal);
    }

    /// <summary>The address is the value of a <c>key=</c> field (<c>rhost=192.0.2.1</c>).</summary>
    public static bool IsKeyValueField(ProbeBaseLine line) =>
        line.HostStart >= 2 && line.Text[line.HostStart - 1] == '=' && char.IsLetter(line.Text[line.HostStart - 2]);

    public static bool AcceptsIPv6(TagExpansion tag) =>
        tag.Kind == TagExpansionKind.Host || tag.Tag is "<ADDR>" or "<F-ADDR/>" or "<IP6>" or "<F-IP6/>" or "<SUBNET>" or "<F-SUBNET/>";

    private static ProbeVariant Variant(ProbeBaseLine line, TagExpansion? tag, string name, ProbeFamily family, string text, string expected, string change) =>
        new(name, family, ProbeExpectation.SameVerdictAndHost, text, expected, change) { Tag = tag };

    /// <summary>The address as Fail2Ban reports it (IPv6 compressed, as inet_ntop writes it).</summary>
    private static string Normalize(string address) => IpAddress.Create(address).Text;

    private static bool IsIPv4(string text) => IpAddress.Create(text).Family == IpAddress.AddressFamily.IPv4;
}
