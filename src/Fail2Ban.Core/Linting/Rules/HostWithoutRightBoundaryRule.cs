using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B3004: nothing after the host ends it: the regex ends at <c>&lt;HOST&gt;</c> (or only optional parts
/// follow) without <c>$</c>. The address pattern then stops at the first complete IPv4 address inside
/// a longer token, so a client whose reverse DNS name is <c>192.0.2.1.attacker.example</c> gets
/// 192.0.2.1, someone else, banned. The premise is a daemon that writes host names: the regex reads the
/// address after a word such as <c>from</c> or <c>rhost=</c>, and where the filter has sample lines, one of them
/// has the filter report a name. Reported only when the real matcher confirms it on a line (a real line
/// with the name written in, where one fits).
/// </summary>
internal sealed class HostWithoutRightBoundaryRule : LintRule
{
    /// <summary>A host name that starts with somebody else's address.</summary>
    private const string LongerName = AddressTags.DefaultIPv4 + ".attacker.example";

    public override string Id => RuleIds.HostWithoutRightBoundary;

    public override void CheckVariant(VariantLintContext context)
    {
        if (context.Variant.IsMultiLine) return;
        foreach (var regex in context.Variant.FailRegexes)
        {
            foreach (var host in regex.AddressTags())
            {
                // <ADDR>/<IP4> declare that the log holds only addresses; <HOST> accepts names, which may start with an address.
                if (host.Kind != TagExpansionKind.Host || context.Variant.Filter.UseDns == "no") continue;
                if (!OnlyOptionalAfter(regex, host)) continue;
                // A value the log labels an IP address is F2B3005's case: <ADDR> there has no such prefix match.
                if (HostWhereAddrMeantRule.IsLabelledAddress(regex, host)) continue;
                // The premise is a host name in the log: only where the format writes one (after "from", "host=", …).
                if (!WritesHostNames(regex, host)) continue;
                // ... and where the filter's sample log shows the daemon, it must show it writing names (a resolving sshd
                // does; Kerio writes "Failed SMTP login from 192.0.2.1 with SASL method …", never a name).
                if (context.Robustness.SamplesShowHostNames == false) continue;
                var text = SampleEvidence(context, regex, host);
                if (text is null)
                {
                    var witness = context.Probe.Witness(regex);
                    if (witness is null) continue;
                    text = context.Probe.Synthesize(regex, new TextOverrides().With(host, LongerName),
                        l => l.AddressesFrom(regex.Index).Contains(AddressTags.DefaultIPv4), onlyStep: witness.Step)?.Text;
                }
                if (text is null) continue;
                var message = "nothing after " + host.Tag + " ends the address: in a longer token such as '" + LongerName
                    + "' (a reverse DNS name the client controls) it matches " + AddressTags.DefaultIPv4
                    + " and bans that address. End the regex with $ or follow the host with a separator (or use <ADDR> if the log only holds addresses)";
                context.Report(Id, message, regex.Locate(host.ExpandedSpan), new LintEvidence(LintEvidenceKind.InjectedLine, text,
                    "the client is named " + LongerName + ", and the filter bans " + AddressTags.DefaultIPv4)
                {
                    BannedAddress = AddressTags.DefaultIPv4,
                });
            }
        }
    }

    /// <summary>A real line of the regex with the longer name written where its address is, when the filter then bans the prefix address.</summary>
    private static string? SampleEvidence(VariantLintContext context, LintRegex regex, TagExpansion host)
    {
        if (!ReferenceEquals(Probing.RobustnessProbe.HostTag(regex), host)) return null;
        foreach (var line in context.Robustness.BaseLines(regex).Where(b => b.FromSample))
        {
            var text = line.Replace(line.HostStart, line.HostEnd, LongerName);
            if (context.Probe.RunLogLine(text).Any(f => f.RegexIndex == regex.Index && f.Id?.Text == AddressTags.DefaultIPv4)) return text;
        }
        return null;
    }

    /// <summary>Words after which logs write the client's host name when they resolve it (OpenSSH's <c>from</c>, PAM's <c>rhost=</c>).</summary>
    private static readonly string[] NameLabels = { "from", "host", "rhost", "hostname", "relay", "helo", "ehlo" };

    private static bool WritesHostNames(LintRegex regex, TagExpansion host)
    {
        var first = regex.Regex.Root.DescendantsAndSelf().FirstOrDefault(n => n.Origin == host && n.Span.Start == host.ExpandedSpan.Start);
        return first != null && Probing.ClientField.LabelBefore(regex, first) is { } label && System.Array.IndexOf(NameLabels, label) >= 0;
    }

    /// <summary>Whether everything after the tag can match empty text (so the match may end right after the address).</summary>
    private static bool OnlyOptionalAfter(LintRegex regex, TagExpansion host)
    {
        var last = regex.Regex.Root.DescendantsAndSelf().LastOrDefault(n => n.Origin == host && regex.Tree.Parent(n)?.Origin != host);
        if (last is null) return false;
        foreach (var next in regex.Tree.Following(last))
        {
            if (next.Origin == host) continue;
            if (next is AnchorNode a && a.Anchor is AnchorKind.LineEnd or AnchorKind.StringEnd) return false;
            if (!regex.Tree.IsNullable(next)) return false;
        }
        return true;
    }
}
