using System;
using System.Linq;
using Fail2Ban.Core.Linting.Probing;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B2006: daemons write the client port after the address (OpenSSH <c>from 192.0.2.1 port 51234</c>,
/// <c>192.0.2.1:51234</c>, <c>relay=192.0.2.1,port=51234,</c>), and a failregex that does not allow it
/// misses every such line. Whether a daemon writes a port depends on the daemon, so this is reported
/// only where the filter shows it does: a sample line, another regex of the filter that matches the same
/// port form after an address, or an address that is a field of a comma-separated key=value record
/// (records gain fields). Found by the robustness probe, confirmed in the real matcher.
/// </summary>
internal sealed class PortAfterAddressMissedRule : LintRule
{
    private static readonly string[] Forms = { "port-word", "ipv4:port", "port-field" };

    public override string Id => RuleIds.PortAfterAddressMissed;

    public override void CheckVariant(VariantLintContext context)
    {
        // An address in the prefregex is reported once, not once per failregex behind it.
        var reported = new System.Collections.Generic.HashSet<string>();
        foreach (var regex in context.Variant.FailRegexes)
        {
            var candidates = ProbeFindings.Violations(context, regex, Forms).Select(o => (Outcome: o, Why: Premise(context, regex, o)))
                .Where(c => c.Why != null).ToList();
            // What the filter shows comes before the guess made without a sample log.
            var (hit, why) = candidates.Count == 0 ? default : candidates.FirstOrDefault(c => c.Why != EndsAtAddress) is { Why: not null } shown ? shown : candidates[0];
            if (hit?.Variant.Tag is not { } tag || why is null) continue;
            // Without a sample log nothing shows the daemon's habit: a line that must end at the address is only a suggestion to check.
            var guessed = why == EndsAtAddress;
            var message = "the daemon writes the client port after the address (" + why + "), and with " + hit.Variant.Change
                + " Fail2Ban " + hit.Describe() + ". Allow it after " + tag.Tag + Suggestion(hit.Variant.Name);
            var location = hit.Variant.LocateTag(regex);
            if (!reported.Add(location.ToString())) continue;
            context.Report(Id, message, location, ProbeFindings.Evidence(hit), Fix(context, regex, hit, tag), guessed ? LintSeverity.Info : null);
        }
    }

    /// <summary>The port allowed right after the tag as written (<c>&lt;HOST&gt;</c> → <c>&lt;HOST&gt;(?: port \d+)?</c>), when the probe confirms it.</summary>
    private static LintFix? Fix(VariantLintContext context, LintRegex failRegex, ProbeOutcome hit, TagExpansion tag)
    {
        var owner = hit.Variant.TagOwner ?? failRegex;
        var source = owner.ToSource(tag.ExpandedSpan);
        var written = owner.Source.Text.Substring(source.Start, source.Length);
        var port = hit.Variant.Name switch
        {
            "port-word" => "(?: port \\d+)?",
            "ipv4:port" => "(?::\\d+)?",
            _ => "(?:,port=\\d+)?",
        };
        return ProbeFix.Verify(context, owner, failRegex, hit, source.Start, source.Length, written + port, "Allow the port: " + written + port);
    }

    private static string Suggestion(string form) => form switch
    {
        "port-word" => ", e.g. (?: port \\d+)?",
        "ipv4:port" => ", e.g. (?::\\d+)?",
        _ => ", e.g. (?:,port=\\d+)?",
    };

    /// <summary>Why the filter says this daemon writes ports in this form, or null when it does not say so.</summary>
    private static string? Premise(VariantLintContext context, LintRegex regex, ProbeOutcome outcome)
    {
        // With no sample log to say otherwise, a line that may not go on after the address is one a daemon that adds the port breaks.
        // Only after a word naming the peer of a connection ("from", "client", "ip="), where daemons add its port; not
        // after an action ("Ban <HOST>") or PAM's rhost= (PAM_RHOST, the remote host's name or address, never a port).
        if (context.SampleLines.Count == 0 && outcome.Variant.Name == "ipv4:port"
            && OnlyEndAfter(outcome.Variant.TagOwner ?? regex, outcome.Variant.Tag)
            && WordBefore(outcome.Variant.TagOwner ?? regex, outcome.Variant.Tag) is { } peer && PeerWords.Contains(peer))
            return EndsAtAddress;

        if (outcome.Variant.Name == "port-field" && AddressVariations.IsKeyValueField(outcome.Base)) return "the address is a field of a key=value record";
        // Other messages of the same daemon (two at least: one may be a special case), with the address after the
        // same word, take the port in that form.
        var word = WordBefore(outcome.Variant.TagOwner ?? regex, outcome.Variant.Tag);
        if (word is null) return null;
        var siblings = context.Variant.FailRegexes
            .Where(other => !ReferenceEquals(other, regex) && WritesPortAfterAddress(other, outcome.Variant.Name))
            .Where(other => context.Robustness.Outcomes(other).Any(o => o.Variant.Name == outcome.Variant.Name && !o.Violated && WordBefore(o.Variant.TagOwner ?? other, o.Variant.Tag) == word))
            .ToList();
        return siblings.Count >= 2
            ? string.Join(" and ", siblings.Take(2).Select(s => s.Label)) + " of this filter match '" + word + " <address>" + PortText(outcome.Variant.Name) + "'"
            : null;
    }

    /// <summary>Words written before an address that name the peer of a connection.</summary>
    private static readonly string[] PeerWords = { "from", "client", "ip", "address", "addr", "src", "peer", "host", "by", "rip", "remote", "source", "connection" };

    private const string EndsAtAddress = "nothing may follow the address in this regex, and many daemons write the port there, ZNC as 192.0.2.1:65001";

    /// <summary>Whether only white space and the end anchor may follow the tag.</summary>
    private static bool OnlyEndAfter(LintRegex regex, TagExpansion? tag)
    {
        if (tag is null) return false;
        var last = regex.Regex.Root.DescendantsAndSelf().LastOrDefault(n => n.Origin == tag && regex.Tree.Parent(n)?.Origin != tag);
        if (last is null) return false;
        var following = regex.Tree.Following(last).Where(n => n.Origin != tag).ToList();
        if (following.Count == 0 || following[following.Count - 1] is not AnchorNode { Anchor: AnchorKind.LineEnd or AnchorKind.StringEnd }) return false;
        return following.Take(following.Count - 1).All(n => n is QuantifierNode { Min: 0 } q && regex.Tree.AtomSet(q.Body) is { } set && set.All(char.IsWhiteSpace));
    }

    private static string PortText(string form) => form switch
    {
        "port-word" => " port N",
        "ipv4:port" => ":N",
        _ => ",port=N",
    };

    /// <summary>The literal word the regex writes right before the address (<c>from</c>, <c>rhost</c>, <c>client</c>), or null.</summary>
    private static string? WordBefore(LintRegex regex, TagExpansion? tag)
    {
        if (tag is null) return null;
        var first = regex.Regex.Root.DescendantsAndSelf().FirstOrDefault(n => n.Origin == tag && n.Span.Start == tag.ExpandedSpan.Start);
        return first is null ? null : ClientField.LabelBefore(regex, first);
    }

    /// <summary>The regex itself spells out this port form right after an address tag (<c> port \d+</c>, <c>:\d+</c>, <c>port=</c>).</summary>
    private static bool WritesPortAfterAddress(LintRegex regex, string form)
    {
        foreach (var tag in regex.AddressTags())
        {
            var after = regex.Regex.Expanded.Substring(tag.ExpandedSpan.End, Math.Min(40, regex.Regex.Expanded.Length - tag.ExpandedSpan.End));
            var writes = form switch
            {
                "port-word" => after.IndexOf("port \\d", StringComparison.Ordinal) >= 0 || after.IndexOf("port [0-9]", StringComparison.Ordinal) >= 0,
                "ipv4:port" => after.StartsWith(":\\d", StringComparison.Ordinal) || after.StartsWith("(?::\\d", StringComparison.Ordinal)
                    || after.StartsWith("(:\\d", StringComparison.Ordinal) || after.StartsWith(":[0-9]", StringComparison.Ordinal),
                _ => after.IndexOf("port=", StringComparison.Ordinal) >= 0,
            };
            if (writes) return true;
        }
        return false;
    }
}
