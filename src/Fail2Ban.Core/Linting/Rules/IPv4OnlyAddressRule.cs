using System.Linq;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2021: the address the failure is banned for is read with <c>&lt;IP4&gt;</c> (or <c>&lt;F-IP4/&gt;</c>) and the
/// regex has no IPv6 path of its own, so a client connecting over IPv6 is never banned. Fail2Ban bans IPv6 since
/// 0.10 and network daemons log IPv6 peers in the same message; <c>&lt;ADDR&gt;</c> takes both. A regex that spells
/// out its IPv6 form (sendmail's <c>IPv6:&lt;IP6&gt;|&lt;IP4&gt;</c>) chose it and is not judged. Reported only with
/// proof: a line with an IPv6 address there that the filter misses and the filter with <c>&lt;ADDR&gt;</c> matches.
/// The same holds for the other address of the line written by hand as IPv4 (<c>&lt;HOST&gt;:\d+-&gt;(\d{1,3}\.){3}\d{1,3}</c>,
/// <c>[\d.]+:\d+</c>, the server's or destination's endpoint) where the client tag takes IPv6: over IPv6 that
/// address is IPv6 too (or <c>::ffff:a.b.c.d</c>), and the line is missed.
/// </summary>
internal sealed class IPv4OnlyAddressRule : LintRule
{
    public override string Id => RuleIds.IPv4OnlyAddress;

    /// <summary>An IPv4 address written by hand: a dotted quad, or a digits-and-dots run followed by a port.</summary>
    private static readonly Regex HandWrittenIPv4 = new(
        @"\((?:\?:)?\\d\{1,3\}\\\.\)\{3\}\\d\{1,3\}|\[(?:\\d|0-9)\\?\.\]\+(?=:(?:\\d|\[0-9\]))|\[\\?\.(?:\\d|0-9)\]\+(?=:(?:\\d|\[0-9\]))",
        RegexOptions.CultureInvariant);

    private const string AnyAddressClass = @"[\da-fA-F.:]+";

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore) continue;
            var tags = regex.AddressTags().ToList();
            if (tags.Any(t => !IsIPv4Only(t.Tag)))
            {
                CheckOtherAddress(context, regex, tags.First(t => !IsIPv4Only(t.Tag)));
                continue;
            }
            foreach (var tag in tags)
                if (Check(context, regex, tag)) break;
        }
    }

    /// <summary>The line's other address written by hand as IPv4, where the client tag takes IPv6.</summary>
    private void CheckOtherAddress(VariantLintContext context, LintRegex regex, TagExpansion client)
    {
        var m = HandWrittenIPv4.Match(regex.Source.Text);
        if (!m.Success) return;
        var edited = LooserRegex.Create(context.Variant, regex, new[] { new SourceEdit(m.Index, m.Length, AnyAddressClass) });
        var clientSource = regex.ToSource(client.ExpandedSpan).Start;
        var clientAfter = clientSource > m.Index ? clientSource - m.Length + AnyAddressClass.Length : clientSource;
        var tag = edited?.Changed.AddressTags().FirstOrDefault(t => edited.Changed.ToSource(t.ExpandedSpan).Start == clientAfter);
        if (edited?.NodeAt<QuantifierNode>(m.Index) is not { } other || tag is null) return;
        var message = m.Value + " reads the line's other address (the server's or the destination's) as IPv4 only, while "
            + client.Tag + " takes IPv6 clients: over IPv6 that address is IPv6 too (2001:db8::2), and the line is missed. Use "
            + AnyAddressClass;
        edited.Report(context, Id, LintRegex.LocateSource(regex.Source, m.Index, m.Length), message,
            new TextOverrides().With(tag, AddressTags.DefaultIPv6).With(other, "2001:db8::2"), AnyAddressClass);
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
