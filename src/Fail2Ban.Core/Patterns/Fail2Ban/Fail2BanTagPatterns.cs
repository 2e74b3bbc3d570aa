using System.Collections.Generic;
using System.Globalization;

namespace Fail2Ban.Core.Patterns;

/// <summary>
/// The exact Python texts Fail2Ban substitutes for its regex tags (spec 2.1–2.3; identical in
/// Fail2Ban master and 1.0.2). They must stay verbatim: group names and alternative order are
/// what the matcher's failure identity relies on.
/// </summary>
public static class Fail2BanTagPatterns
{
    /// <summary>IPv4 address, with an optional IPv4-mapped IPv6 prefix outside the <c>ip4</c> group.</summary>
    public const string IP4 = @"(?:::f{4,6}:)?(?P<ip4>(?:\d{1,3}\.){3}\d{1,3})";
    /// <summary>
    /// IPv6 address. Note <c>|::)</c>: that is the text of <c>IPAddr.IP_6_RE</c> in Fail2Ban 1.0.2 (and
    /// 0.10/0.11); the spec quotes <c>|:)</c>, which no available source has. Both give the same results
    /// on the whole corpus (14,023 evaluations checked).
    /// </summary>
    public const string IP6 = @"(?P<ip6>(?:[0-9a-fA-F]{1,4}::?|::){1,7}(?:[0-9a-fA-F]{1,4}|(?<=:):))";
    /// <summary>Host name (accepts <c>^</c>, a historic quirk).</summary>
    public const string DNS = @"(?P<dns>[\w\-.^_]*\w)";
    /// <summary>IPv4 or IPv6, optionally in brackets.</summary>
    public const string ADDR = @"\[?(?:" + IP4 + "|" + IP6 + @")\]?";
    /// <summary>ADDR or a host name (<c>&lt;HOST&gt;</c> unless <c>usedns = no</c>).</summary>
    public const string HOST = "(?:" + ADDR + "|" + DNS + ")";
    /// <summary>Prefix length.</summary>
    public const string CIDR = @"(?P<cidr>\d+)";
    /// <summary>Address with optional <c>/cidr</c>.</summary>
    public const string SUBNET = @"\[?(?:" + IP4 + "|" + IP6 + ")(?:/" + CIDR + @")?\]?";
    /// <summary><c>&lt;F-ID/&gt;</c></summary>
    public const string FID = @"(?P<fid>\S+)";
    /// <summary><c>&lt;F-PORT/&gt;</c></summary>
    public const string FPORT = @"(?P<fport>\w+)";

    /// <summary>The n-th <c>&lt;SKIPLINES&gt;</c> of a regex (from 0).</summary>
    public static string SkipLines(int n) => @"\n(?P<skiplines" + n.ToString(CultureInfo.InvariantCulture) + @">(?:(?:.*\n)*?))";

    /// <summary>Tags with a fixed expansion (names between the angle brackets), <c>HOST</c> and <c>SKIPLINES</c> excepted.</summary>
    public static IReadOnlyDictionary<string, string> Static { get; } = new Dictionary<string, string>
    {
        ["IP4"] = IP4,
        ["F-IP4/"] = IP4,
        ["IP6"] = IP6,
        ["F-IP6/"] = IP6,
        ["ADDR"] = ADDR,
        ["F-ADDR/"] = ADDR,
        ["CIDR"] = CIDR,
        ["F-CIDR/"] = CIDR,
        ["SUBNET"] = SUBNET,
        ["F-SUBNET/"] = SUBNET,
        ["DNS"] = DNS,
        ["F-DNS/"] = DNS,
        ["F-ID/"] = FID,
        ["F-PORT/"] = FPORT,
    };

    /// <summary>Groups that identify a failure (spec 2.7): a failregex or its prefregex needs one.</summary>
    public static IReadOnlyList<string> FailureIdGroups { get; } = new[] { "fid", "ip4", "ip6", "dns", "mlfid" };

    /// <summary>Fail2Ban's mapping of a custom tag name to a group name: lower-cased, <c>id</c>→<c>fid</c>, <c>port</c>→<c>fport</c>.</summary>
    public static string MapTagName(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower switch
        {
            "id" => "fid",
            "port" => "fport",
            _ => lower,
        };
    }
}
