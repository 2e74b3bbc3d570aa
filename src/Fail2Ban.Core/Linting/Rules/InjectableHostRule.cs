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
/// only when the real matcher then reports the forged address. A field that the sample log shows holding only a
/// placeholder ('?') in every real line is the daemon's, and is not reported.
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
            if (SamplesShowPlaceholder(context, regex, node)) continue;
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

    /// <summary>
    /// Whether the sample log shows the field holding no client text: in every real line the regex matches, only a
    /// placeholder without a letter or digit ('?', '-'). The daemon writes that, not the client (pure-ftpd logs
    /// "(?@192.0.2.1)" until a user has logged in, and the failures come before that).
    /// </summary>
    private static bool SamplesShowPlaceholder(VariantLintContext context, LintRegex regex, Patterns.RegexNode node)
    {
        if (context.SampleLines.Count == 0) return false;
        var span = regex.ToSource(node.Span);
        var written = regex.Source.Text.Substring(span.Start, span.Length);
        if (written != node.GetText(regex.Regex.Expanded)) return false;
        var marked = LooserRegex.Create(context.Variant, regex, new[] { new SourceEdit(span.Start, span.Length, "(?P<" + FieldGroup + ">" + written + ")") });
        if (marked is null) return false;
        // The sample log is written in one logtype: what it shows of the field holds for the filter's other logtypes too.
        var known = context.SampleFacts;
        var key = RuleIds.InjectableHost + ":" + regex.Index + ":" + written;
        var probe = context.Probe.WithRegex(regex, marked.Changed);
        var seen = false;
        foreach (var line in context.SampleLines)
            foreach (var failure in probe.RunLogLine(line))
            {
                if (failure.RegexIndex != regex.Index || failure.Data.GetString(FieldGroup) is not { } text) continue;
                if (text.Any(char.IsLetterOrDigit)) return known[key] = false;
                seen = true;
            }
        if (seen) return known[key] = true;
        return known.TryGetValue(key, out var before) && before;
    }

    private const string FieldGroup = "f2bprobefield";

    private static string Describe(ClientField field) => field.Kind switch
    {
        ClientFieldKind.UserName => "the user name",
        ClientFieldKind.Quoted => "a quoted field",
        _ => "a catch-all over client text",
    };
}
