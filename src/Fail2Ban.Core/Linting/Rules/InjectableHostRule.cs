using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Linting.Probing;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B3003: a field the client fills (a user name, a quoted value, a catch-all over the message) can hold
/// text that reads like the address part of the line (<c> from 192.0.2.254</c>, <c>rhost=…</c>), and the
/// filter then bans the address the client wrote instead of the client. Found by injection, never
/// asserted: the robustness probe writes such text into each field of a matched line (before or after
/// the address, with the rest of the line repeated where the regex needs it), and the finding stands
/// only when the real matcher then reports the forged address.
/// </summary>
internal sealed class InjectableHostRule : LintRule
{
    public override string Id => RuleIds.InjectableHost;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.FailRegexes)
        {
            var hit = context.Robustness.Outcomes(regex)
                .FirstOrDefault(o => o.Variant.Family == ProbeFamily.Injection && o.Violated && o.Variant.Node != null);
            if (hit is null) continue;
            var node = hit.Variant.Node!;
            var field = ClientField.Find(regex).First(f => ReferenceEquals(f.Node, node));
            var tag = hit.Variant.Tag ?? RobustnessProbe.HostTag(regex)!;
            var message = node.GetText(regex.Regex.Expanded) + " (" + Describe(field) + ") can hold text that reads like the address part of the line: "
                + "the client then chooses the address " + tag.Tag + " bans. Exclude the separator from the field (e.g. \\S+ or [^\"]*), "
                + "or anchor what follows the address (…$)";
            context.Report(Id, message, regex.Locate(node), new LintEvidence(LintEvidenceKind.InjectedLine, hit.Variant.Line,
                hit.Variant.Change + ", and the filter bans " + AddressTags.ForgedIPv4 + " instead of " + hit.Base.Verdict.Host)
            {
                BannedAddress = AddressTags.ForgedIPv4,
            });
        }
    }

    private static string Describe(ClientField field) => field.Kind switch
    {
        ClientFieldKind.UserName => "the user name",
        ClientFieldKind.Quoted => "a quoted field",
        _ => "a catch-all over client text",
    };
}
