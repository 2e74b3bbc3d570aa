using System.Collections.Generic;
using System.Linq;
using Fail2Ban.Core.Linting.Analysis;
using Fail2Ban.Core.Linting.Probing;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B3002: a failregex or prefregex that is not anchored at the start of the line (no <c>^</c>, or
/// <c>^</c> followed by a catch-all, which anchors nothing). Fail2Ban searches the whole line, so a
/// complete fake failure hidden in any field an attacker gets logged (a user name, a URL) matches too.
/// Evidence: the witness line behind attacker-chosen leading text, with a forged address, run in the
/// matcher.
/// </summary>
internal sealed class UnanchoredRegexRule : LintRule
{
    public override string Id => RuleIds.UnanchoredRegex;

    public override void CheckVariant(VariantLintContext context)
    {
        foreach (var regex in context.Variant.AllRegexes)
        {
            if (regex.Kind == FilterRegexKind.Ignore || IsAnchored(regex, regex.Regex.Root)) continue;
            var fakeEndsALine = regex.Kind == FilterRegexKind.Fail && regex.EndsWithEndAnchor() ? FakeFailureAtLineEnd(regex) : FakeFailure.Possible;
            if (fakeEndsALine == FakeFailure.Escaped) continue;
            var location = regex.Locate(new PatternSpan(0, 1));
            var message = regex.Kind == FilterRegexKind.Prefix
                ? "the prefregex is not anchored at the start of the line: Fail2Ban searches the whole line, so text an attacker gets logged can hold a whole fake prefix. Start it with ^"
                : "this failregex is not anchored at the start of the line (or its text): Fail2Ban searches anywhere, so text an attacker gets logged (a user name, a URL) can hold a whole fake failure. Start it with ^";
            if (fakeEndsALine == FakeFailure.OnlyFromOtherLines)
                message += " (a note: the regex must reach the end of the line and its own line carries no client text, so the fake needs another line of this log that ends with client text)";
            context.Report(Id, message, location, regex.Kind == FilterRegexKind.Fail ? Evidence(context, regex) : null, null,
                fakeEndsALine == FakeFailure.OnlyFromOtherLines ? LintSeverity.Info : null);
        }
    }

    /// <summary>Whether every match must start at the beginning of the text.</summary>
    internal static bool IsAnchored(LintRegex regex, RegexNode node)
    {
        switch (node)
        {
            case AlternationNode a:
                return a.Alternatives.All(alt => IsAnchored(regex, alt));
            case GroupNode g when !g.IsLookaround:
                return IsAnchored(regex, g.Body);
            case SequenceNode s:
                for (var i = 0; i < s.Items.Count; i++)
                {
                    var item = s.Items[i];
                    if (item is GlobalFlagsNode || item is GroupNode { IsLookaround: true }) continue;
                    if (item is AnchorNode { Anchor: AnchorKind.LineStart or AnchorKind.StringStart })
                        return !StartsWithCatchAll(regex, s, i + 1);
                    return IsAnchored(regex, item);
                }
                return false;
            default:
                return false;
        }
    }

    /// <summary>Where a fake failure that must end a line can come from.</summary>
    private enum FakeFailure
    {
        /// <summary>A field of the failure's own line can hold it (a catch-all, a free user name): a warning.</summary>
        Possible,

        /// <summary>The failure's line has no client field: only another line of the log that ends with client text (an echo) can hold it: info.</summary>
        OnlyFromOtherLines,

        /// <summary>Every client field is a quoted value whose quote the log escapes, and the failure needs that quote: no line can hold it.</summary>
        Escaped,
    }

    /// <summary>
    /// Where a regex that must reach the end of the line finds a fake failure. Its own fields say what client text the
    /// log carries: a catch-all or a free user name can hold one (and an error log that echoes client data, as mssql's
    /// did, ends lines with it). Where every client field is a quoted value that cannot hold its quote while the
    /// failure needs that quote (XML or JSON records, which escape it in all client text), no line can hold it. With
    /// no client field at all (<c>/&lt;HOST&gt; Port: \d+ TCP Blocked$</c>), only another line ending with client text can.
    /// </summary>
    private static FakeFailure FakeFailureAtLineEnd(LintRegex regex)
    {
        var fields = ClientField.Find(regex);
        if (fields.Count == 0) return FakeFailure.OnlyFromOtherLines;
        foreach (var field in fields)
            if (!(ClosingQuoteExcluded(regex, field) is { } quote && regex.Source.Text.IndexOf(quote) >= 0)) return FakeFailure.Possible;
        return FakeFailure.Escaped;
    }

    /// <summary>The closing quote of a quoted value that cannot hold it (<c>"[^"]*"</c>: the daemon escapes it), or null.</summary>
    private static char? ClosingQuoteExcluded(LintRegex regex, ClientField field) =>
        field.Kind == ClientFieldKind.Quoted && field.Node is QuantifierNode q
        && regex.Tree.Following(q).FirstOrDefault() is LiteralNode close && close.Value.Length > 0
        && regex.Tree.AtomSet(q.Body) is { } set && !set.Contains(close.Value[0])
            ? close.Value[0]
            : null;

    /// <summary>The first consuming item after the anchor is an unbounded catch-all (<c>^.*</c>): the anchor holds nothing.</summary>
    private static bool StartsWithCatchAll(LintRegex regex, SequenceNode s, int from)
    {
        for (var i = from; i < s.Items.Count; i++)
        {
            var item = s.Items[i];
            if (item is GlobalFlagsNode || item is AnchorNode || item is GroupNode { IsLookaround: true }) continue;
            if (item is not QuantifierNode { Body: AnyCharNode, Max: null } || item.Origin is not null) return false;
            // ^.*\n in a multi-line regex consumes one whole line: the anchor holds.
            var next = regex.Tree.Following(item).FirstOrDefault();
            return !(next is LiteralNode l && l.Value.StartsWith("\n"));
        }
        return false;
    }

    private static LintEvidence? Evidence(VariantLintContext context, LintRegex regex)
    {
        if (context.Variant.IsMultiLine) return null;
        var forged = regex.AddressTags().FirstOrDefault();
        if (forged is null) return null;
        var overrides = new TextOverrides().With(forged, AddressTags.ForgedIPv4);
        var clean = context.Probe.Witness(regex);
        if (clean is null) return null;
        var line = context.Probe.Synthesize(regex, overrides, l => true, onlyStep: clean.Step);
        if (line is null) return null;
        return CarriedEvidence(context, regex, line.FailText.Text) ?? EchoEvidence(context, regex, clean, line.FailText.Text);
    }

    /// <summary>
    /// The fake failure <paramref name="fake"/> written into a field the client chooses (a user name, a request path, a
    /// catch-all) of a whole line this failregex matches: a sample line first, else a generated one dressed as the log
    /// writes it. Kept when the real matcher then bans the forged address and not the line's real client.
    /// </summary>
    private static LintEvidence? CarriedEvidence(VariantLintContext context, LintRegex regex, string fake)
    {
        // The failregex's own lines first, then the other messages of the same log (the filter's other failregexes).
        foreach (var carrierRegex in new[] { regex }.Concat(context.Variant.FailRegexes.Where(r => !ReferenceEquals(r, regex))))
            if (CarriedEvidence(context, carrierRegex, fake, ReferenceEquals(carrierRegex, regex)) is { } evidence) return evidence;
        return null;
    }

    private static LintEvidence? CarriedEvidence(VariantLintContext context, LintRegex regex, string fake, bool own)
    {
        var fields = CarrierFields(regex);
        if (fields.Count == 0) return null;
        foreach (var carrier in context.Robustness.BaseLines(regex))
            foreach (var (node, name) in fields)
            {
                if (carrier.RangeOf(node) is not { } range) continue;
                var original = carrier.Text.Substring(range.Start, range.End - range.Start);
                var quote = ClosingQuote(regex, node, carrier.Text, range);
                foreach (var text in new[] { fake, original + " " + fake })
                {
                    if (quote is { } q && text.IndexOf(q) >= 0) continue;
                    var injected = carrier.Replace(range.Start, range.End, text);
                    var banned = context.Probe.RunAsServer(injected, carrier.IsLogLine).Select(f => f.Id!.Text).ToList();
                    if (!banned.Contains(AddressTags.ForgedIPv4) || banned.Contains(carrier.HostText)) continue;
                    return new LintEvidence(LintEvidenceKind.InjectedLine, injected,
                        "the client writes a whole fake failure into the " + name + " of "
                        + (carrier.FromSample ? "a sample line" : own ? "a line this failregex matches" : "a line " + regex.Label + " matches")
                        + "; its real part no longer matches, the fake does: Fail2Ban bans " + AddressTags.ForgedIPv4 + ", not the client " + carrier.HostText)
                    {
                        BannedAddress = AddressTags.ForgedIPv4,
                    };
                }
            }
        return null;
    }

    /// <summary>
    /// The parts of the failregex whose text the client chooses, with what they are called: the probe's client fields
    /// (user names, quoted values, catch-alls), then any other unbounded run of name or path characters the filter's own
    /// file writes (<c>/\S*\.php</c>: a request path, which the daemon logs decoded, spaces included).
    /// </summary>
    private static List<(RegexNode Node, string Name)> CarrierFields(LintRegex regex)
    {
        var fields = ClientField.Find(regex).Select(f => (f.Node, Name: Describe(regex, f.Node, FieldVariations.Describe(f)))).ToList();
        var home = regex.Source.LocationAt(0)?.File;
        foreach (var node in regex.Regex.Root.DescendantsAndSelf())
        {
            if (node is not QuantifierNode { Max: null, Origin: null } q || regex.Tree.InLookaround(q) || regex.Locate(q).File != home) continue;
            if (fields.Any(f => regex.Tree.IsWithin(q, f.Node) || regex.Tree.IsWithin(f.Node, q))) continue;
            if (regex.Tree.AtomSet(q.Body) is not { } set || !set.Contains('a') || !set.Contains('/')) continue;
            fields.Add((q, Describe(regex, q, "free text")));
        }
        return fields;
    }

    /// <summary>"user name (ruser=\S*)": what a field is, and the regex text that reads it.</summary>
    private static string Describe(LintRegex regex, RegexNode node, string what)
    {
        var source = regex.ToSource(node.Span);
        var text = source.Start >= 0 && source.End <= regex.Source.Text.Length ? regex.Source.Text.Substring(source.Start, source.Length) : "";
        var label = ClientField.LabelBefore(regex, node);
        return what + (text.Length == 0 ? "" : " read by " + (label is null ? "" : label + " ") + text);
    }

    /// <summary>The quote around a field that its own class cannot hold (the daemon escapes it), or null.</summary>
    private static char? ClosingQuote(LintRegex regex, RegexNode node, string text, TextRange range) =>
        range.Start > 0 && range.End < text.Length && text[range.Start - 1] == text[range.End] && "'\"`".IndexOf(text[range.End]) >= 0
        && !(node is QuantifierNode q && regex.Tree.AtomSet(q.Body) is { } set && set.Contains(text[range.End]))
            ? text[range.End]
            : null;

    /// <summary>
    /// Lines other daemons write to the same log with the client's text in them, the fake failure written there: for a
    /// syslog file, the user name OpenSSH logs for an unknown user and the address a client sends in <c>RCPT TO</c>, which
    /// Postfix logs when its syntax is illegal (at the end of the line, for a fake that must end it); for Apache's error
    /// log, the path of a request.
    /// </summary>
    private static IEnumerable<(string Text, string Where)> OtherDaemonLines(LintRegex regex, ProbeLine clean, string fail, bool syslog)
    {
        const string Client = "198.51.100.7";
        var stamp = LogLineDresser.SyslogDate;
        // An error log of a web server: its lines start with a bracketed date and name the [client …].
        if (clean.Text.TrimStart().StartsWith("[", System.StringComparison.Ordinal) && regex.Regex.Expanded.IndexOf("client", System.StringComparison.Ordinal) >= 0)
        {
            // Two messages: where the filter reads one of them, its real part may match first (and ban the real client).
            foreach (var message in new[] { "File does not exist", "client denied by server configuration" })
                yield return ("[Sun Aug 14 11:59:58 2005] [error] [client " + Client + "] " + message + ": /var/www/html/" + fail,
                    "the path of a request in Apache's error log, decoded as requested");
            yield break;
        }
        if (!syslog) yield break;
        yield return (stamp + " mail sshd[12345]: Invalid user " + fail + " from " + Client + " port 51234",
            "the user name OpenSSH logs for an unknown user");
        yield return (stamp + " mail postfix/smtpd[12345]: warning: Illegal address syntax from unknown[" + Client + "] in RCPT command: " + fail,
            "the address a client sends in RCPT TO, which Postfix logs as sent when its syntax is illegal");
    }

    /// <summary>A syslog line: a time stamp, a host and a program tag (<c>Aug 14 11:59:58 mail sshd[12345]: </c>).</summary>
    private static readonly System.Text.RegularExpressions.Regex SyslogLine = new(
        @"^(?:[A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d|\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d\S*) \S+ [^\s:\[]+(?:\[\d+\])?: ",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Whether the filter's log is a syslog file that other daemons write to: its sample lines say; without them, most logs are.</summary>
    private static bool IsSyslog(VariantLintContext context) =>
        context.SampleLines.Count == 0 || context.SampleLines.Take(50).Any(l => SyslogLine.IsMatch(l));

    /// <summary>
    /// Where no line the filter matches has a client field that can carry the fake: the fake in another message of the log
    /// with client text before it (an echo), behind the header the log writes.
    /// </summary>
    private static LintEvidence? EchoEvidence(VariantLintContext context, LintRegex regex, ProbeLine clean, string fail)
    {
        foreach (var (text, where) in OtherDaemonLines(regex, clean, fail, IsSyslog(context)))
            if (context.Probe.RunAsServer(text, logLine: true).Any(f => f.Id?.Text == AddressTags.ForgedIPv4))
                return new LintEvidence(LintEvidenceKind.InjectedLine, text,
                    "no line this filter matches carries a fake failure in a client field (the real failure matches first, or the fake must end the line); "
                    + "another message in the same log can (" + where + "), and the filter bans " + AddressTags.ForgedIPv4)
                {
                    BannedAddress = AddressTags.ForgedIPv4,
                };
        var dressed = context.Robustness.BaseLines(regex).FirstOrDefault(b => !b.FromSample && b.Shift > 0);
        var header = dressed is null ? clean.Text.Substring(0, clean.ContentOffset) : dressed.Text.Substring(0, dressed.Shift + dressed.Generated!.ContentOffset);
        var rest = clean.Text.Substring(clean.ContentOffset + clean.FailText.Text.Length);
        foreach (var lead in new[] { "user=\"", "GET /", "x " })
        {
            // A quoted value cannot hold its own quote (the daemon escapes it): a fake failure with quotes goes elsewhere.
            if (lead.EndsWith("\"", System.StringComparison.Ordinal) && fail.IndexOf('"') >= 0) continue;
            var text = header + lead + fail + rest;
            var reported = context.Probe.RunAsServer(text, dressed != null).Select(f => f.Id!.Text).ToList();
            if (reported.Contains(AddressTags.ForgedIPv4))
                return new LintEvidence(LintEvidenceKind.InjectedLine, text,
                    "no line this filter matches carries a fake failure in a client field (the real failure matches first, or the fake must end the line); "
                    + "another message of this log with client text (after '" + lead + "') can, and the filter bans " + AddressTags.ForgedIPv4)
                {
                    BannedAddress = AddressTags.ForgedIPv4,
                };
        }
        return null;
    }
}
