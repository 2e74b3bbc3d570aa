using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Analysis;

/// <summary>Which tag expansions stand for the banned address, and the addresses generated lines use.</summary>
internal static class AddressTags
{
    /// <summary>The address a generated line carries (TEST-NET-1, never a real host).</summary>
    public const string DefaultIPv4 = "192.0.2.1";

    /// <summary>The address an attacker tries to get banned in injection evidence.</summary>
    public const string ForgedIPv4 = "192.0.2.254";

    public const string DefaultIPv6 = "2001:db8::1";

    public const string DefaultHostName = "host.example.com";

    /// <summary>Whether the expansion matches an address or host name (<c>&lt;HOST&gt;</c>, <c>&lt;ADDR&gt;</c>, <c>&lt;IP4&gt;</c> …).</summary>
    public static bool IsAddress(TagExpansion e) =>
        e.Kind == TagExpansionKind.Host
        || (e.Kind == TagExpansionKind.Static && e.Tag is "<ADDR>" or "<F-ADDR/>" or "<IP4>" or "<F-IP4/>" or "<IP6>"
            or "<F-IP6/>" or "<DNS>" or "<F-DNS/>" or "<SUBNET>" or "<F-SUBNET/>");

    /// <summary><c>&lt;HOST&gt;</c> itself (HOST, or ADDR under <c>usedns = no</c>).</summary>
    public static bool IsHost(TagExpansion e) => e.Kind == TagExpansionKind.Host;

    /// <summary>The text a generated line puts where the expansion is.</summary>
    public static string SampleText(TagExpansion e) => e.Tag switch
    {
        "<IP6>" or "<F-IP6/>" => DefaultIPv6,
        "<DNS>" or "<F-DNS/>" => DefaultHostName,
        _ => DefaultIPv4,
    };
}
