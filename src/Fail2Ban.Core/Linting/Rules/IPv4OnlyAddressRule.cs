using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2021: the address the failure is banned for is read with <c>&lt;IP4&gt;</c> (or <c>&lt;F-IP4/&gt;</c>) and the
/// regex has no IPv6 path of its own, so a client connecting over IPv6 is never banned. Fail2Ban bans IPv6 since
/// 0.10 and network daemons log IPv6 peers in the same message; <c>&lt;ADDR&gt;</c> takes both. A regex that spells
/// out its IPv6 form (sendmail's <c>IPv6:&lt;IP6&gt;|&lt;IP4&gt;</c>) chose it and is not judged. Reported only with
/// proof: a line with an IPv6 address there that the filter misses and the filter with <c>&lt;ADDR&gt;</c> matches.
/// </summary>
internal sealed class IPv4OnlyAddressRule : LintRule
{
    public override string Id => RuleIds.IPv4OnlyAddress;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            var tags = regex.AddressTags().ToList();
            if (tags.Any(t => !IsIPv4Only(t.Tag))) continue;
            foreach (var tag in tags)
                if (Check(context, regex, tag)) break;
        }
    }

    private static bool IsIPv4Only(string tag) => tag is "<IP4>" or "<F-IP4/>";

    private bool Check(VariantLintContext context, LintRegex regex, TagExpansion tag)
    {
        var source = regex.ToSource(tag.ExpandedSpan);
        var written = regex.Source.Text.Substring(source.Start, source.Length);
        if (!IsIPv4Only(written)) return false;
        var replacement = written == "<IP4>" ? "<ADDR>" : "<F-ADDR/>";
        var edited = LooserRegex.Create(context.Variant, regex, new[] { new SourceEdit(source.Start, source.Length, replacement) });
        var widened = edited?.Changed.AddressTags().FirstOrDefault(t => edited.Changed.ToSource(t.ExpandedSpan).Start == source.Start);
        if (edited is null || widened is null) return false;
        var message = written + " reads only IPv4 addresses, so a client that connects over IPv6 (" + AddressTags.DefaultIPv6
            + ") is never banned; the daemon logs its address in the same place. Use " + replacement + ", which takes both";
        return edited.Report(context, Id, regex.Locate(tag.ExpandedSpan), message,
            new TextOverrides().With(widened, AddressTags.DefaultIPv6), replacement);
    }
}
