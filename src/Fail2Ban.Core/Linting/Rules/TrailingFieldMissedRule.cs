using System.Linq;
using System.Text.RegularExpressions;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Linting.Probing;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2007: the address is the value of PAM's <c>rhost=</c> field and the regex ends right after it
/// (<c>rhost=&lt;HOST&gt;\s*$</c>). PAM's <c>authentication failure</c> record continues with
/// <c> user=NAME</c> whenever the user is known, so those lines, the common case, are missed. Found by
/// the robustness probe: the field appended to a matched line, the real matcher decides. pam_unix versions also
/// pad the field with two spaces (<c>rhost=192.0.2.7  user=root</c>), so a regex that reads it
/// after exactly one space (<c>rhost=&lt;HOST&gt;(?: user=\S*)?</c>) misses those lines: proven with a line the
/// regex misses and <c>\s+</c> there matches.
/// </summary>
internal sealed class TrailingFieldMissedRule : LintRule
{
    public override string Id => RuleIds.TrailingFieldMissed;

    /// <summary>
    /// A single space written between PAM's <c>rhost=</c> address and its <c>user=</c> field, in pam_unix's record (its
    /// <c>ruser=</c> field comes first; other daemons' own <c>rhost=X user=Y</c> messages are written with one space).
    /// </summary>
    private static readonly Regex SingleSpaceBeforeUser = new(@"ruser=.*rhost=<[A-Z0-9/-]+>(?:\(\?:)?( )user=", RegexOptions.CultureInvariant);

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.FailRegexes)
        {
            if (!regex.EndsWithEndAnchor()) continue;
            var hit = ProbeFindings.Violations(context, regex, "trailing-user")
                .FirstOrDefault(o => o.Base.HostStart >= 6 && o.Base.Text.Substring(o.Base.HostStart - 6, 6) == "rhost=");
            if (hit?.Variant.Tag is not { } tag) continue;
            var end = regex.Regex.Root.DescendantsAndSelf().OfType<AnchorNode>().LastOrDefault(a => a.Anchor is AnchorKind.LineEnd or AnchorKind.StringEnd);
            var message = "the regex ends right after rhost=" + tag.Tag + ", but PAM appends ' user=NAME' to this record when the user is known: "
                + "with " + hit.Variant.Change + " Fail2Ban " + hit.Describe() + ". Allow it before the end: (?:\\s+user=\\S*)?\\s*$";
            context.Report(Id, message, regex.Locate(end is null ? tag.ExpandedSpan : end.Span), ProbeFindings.Evidence(hit));
        }
        foreach (var regex in context.Variant.AllRegexes)
            if (regex.Kind != FilterRegexKind.Ignore) CheckPaddedUser(context, regex);
    }

    private void CheckPaddedUser(VariantLintContext context, LintRegex regex)
    {
        var m = SingleSpaceBeforeUser.Match(regex.Source.Text);
        if (!m.Success) return;
        var offset = m.Groups[1].Index;
        var edited = LooserRegex.Create(context.Variant, regex, new[] { new SourceEdit(offset, 1, @"\s+") });
        if (edited?.NodeAt<Patterns.QuantifierNode>(offset) is not { } space) return;
        var message = "PAM's record has one or two spaces between rhost= and user= (pam_unix versions differ: 'rhost=192.0.2.1  user=root' "
            + "is common), and the regex allows exactly one, so the padded lines are missed. Use \\s+ before user=";
        edited.Report(context, Id, LintRegex.LocateSource(regex.Source, offset, 1), message, new TextOverrides().Via(space).With(space, "  "), @"\s+");
    }
}
