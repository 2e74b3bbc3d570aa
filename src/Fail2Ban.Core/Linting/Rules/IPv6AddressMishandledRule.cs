using System.Linq;
using Fail2Ban.Core.Linting.Probing;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2008: the address tag accepts IPv6, but the regex around it does not: an IPv6 client's line is
/// missed, or a different address is banned (a client port read as the last IPv6 group:
/// <c>2001:db8::1234:58430</c> gives <c>2001:db8::1234:5843</c>). Found by the robustness probe: the
/// address of a matched line is written as IPv6 (compressed, full, loopback, as an SMTP address literal
/// <c>[IPv6:2001:db8::1]</c> where the daemon writes one), and with a port where the regex already accepts
/// <c>IPv4:port</c>; the real matcher decides.
/// </summary>
internal sealed class IPv6AddressMishandledRule : LintRule
{
    public override string Id => RuleIds.IPv6AddressMishandled;

    /// <summary>
    /// The regex that holds the address takes the IPv4 form with a port (so the daemon's ports are expected there) and the line goes
    /// on after the address (a regex that just stops after the address says nothing about ports).
    /// </summary>
    private static bool AbsorbsPort(ProbeOutcome ipv6, System.Collections.Generic.IReadOnlyList<ProbeOutcome> outcomes) =>
        ipv6.Base.Text.Substring(ipv6.Base.HostEnd).Trim().Length > 0
        && ipv6.Variant.Tag is not null && TakesPort(ipv6.Variant.RegexAfterTag)
        && outcomes.Any(p => p.Base == ipv6.Base && p.Variant.Name == "ipv4:port" && !p.Violated);

    /// <summary>What the regex writes right after the address takes a port: a catch-all or an explicit <c>:\d</c>.</summary>
    private static bool TakesPort(string after) =>
        after.StartsWith(".*", System.StringComparison.Ordinal) || after.StartsWith(".+", System.StringComparison.Ordinal)
        || after.StartsWith("\\S", System.StringComparison.Ordinal) || after.StartsWith(":", System.StringComparison.Ordinal)
        || after.StartsWith("(?::", System.StringComparison.Ordinal) || after.StartsWith("(:", System.StringComparison.Ordinal);

    /// <summary>Why the variant failed, and the fix where it is mechanical.</summary>
    private static string Cause(string variant, string tag) => variant switch
    {
        "ipv6:port" => ": the port is read as part of the address. Match the port explicitly after the address (" + tag + ":\\d+)",
        "ipv6-literal" => ": the regex does not allow the " + AddressLiteralForm.IPv6Tag + " tag before the address. Allow it: (?:" + AddressLiteralForm.IPv6Tag + ")?" + tag,
        _ => ": the regex around the address does not allow IPv6",
    };

    public override void CheckVariant(VariantLintContext context)
    {
        // An address in the prefregex is reported once, not once per failregex behind it.
        var reported = new System.Collections.Generic.HashSet<string>();
        foreach (var regex in context.Variant.FailRegexes)
        {
            // A regex that spells out an IPv6 path of its own (sendmail's "IPv6:<IP6>|<IP4>") chose its IPv6 form.
            if (regex.AddressTags().Any(t => t.Tag is "<IP6>" or "<F-IP6/>") && regex.AddressTags().Any(t => t.Tag is "<IP4>" or "<F-IP4/>")) continue;
            var outcomes = context.Robustness.Outcomes(regex);
            var hit = outcomes.FirstOrDefault(o => o.Variant.Family == ProbeFamily.Address && o.Variant.Name.StartsWith("ipv6") && o.Violated)
                ?? outcomes.FirstOrDefault(o => o.Variant.Name == "ipv6:port" && o.Violated && o.Verdict.Matched && AbsorbsPort(o, outcomes));
            if (hit?.Variant.Tag is not { } tag) continue;
            var what = hit.Verdict.Matched ? "bans " + hit.Verdict.Host + " instead of " + hit.Variant.ExpectedHost : "misses the line";
            var message = tag.Tag + " accepts IPv6, but with " + hit.Variant.Change + " Fail2Ban " + what
                + Cause(hit.Variant.Name, tag.Tag);
            var location = hit.Variant.LocateTag(regex);
            if (!reported.Add(location.ToString())) continue;
            context.Report(Id, message, location, ProbeFindings.Evidence(hit));
        }
    }
}
