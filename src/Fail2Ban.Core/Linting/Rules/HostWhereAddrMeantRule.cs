using System;
using System.Collections.Generic;
using Fail2Ban.Core.Patterns;

namespace Fail2Ban.Core.Linting.Rules;

/// <summary>
/// F2B3005: <c>&lt;HOST&gt;</c> right after a label that says the value is an IP address (<c>ip=</c>,
/// <c>rip=</c>, <c>IP: </c>, <c>from IP </c>). <c>&lt;HOST&gt;</c> also accepts host names, which Fail2Ban then
/// resolves (a DNS look-up per failure, and a ban of whatever the name points to); <c>&lt;ADDR&gt;</c>
/// matches exactly what such a log writes.
/// </summary>
internal sealed class HostWhereAddrMeantRule : LintRule
{
    public override string Id => RuleIds.HostWhereAddrMeant;

    public override void CheckVariant(VariantLintContext context)
    {
        if (context.Variant.Filter.UseDns == "no" || context.ReportedForFilter(Id)) return;
        // One finding per filter: the places share one cause, and the fix edits them all.
        LintRegex? firstRegex = null;
        TagExpansion? firstHost = null;
        string firstLabel = "";
        var edits = new List<LintTextEdit>();
        var places = 0;
        foreach (var regex in context.Variant.FailRegexes)
        {
            foreach (var host in regex.AddressTags())
            {
                if (host.Kind != TagExpansionKind.Host) continue;
                var before = LiteralBefore(regex.Source.Text, host.SourceSpan.Start);
                if (!IsAddressLabel(before)) continue;
                places++;
                if (firstRegex is null)
                {
                    firstRegex = regex;
                    firstHost = host;
                    firstLabel = LastWord(before);
                }
                if (regex.EditSource(host.SourceSpan.Start, host.SourceSpan.Length, "<ADDR>") is { } edit && !edits.Contains(edit)) edits.Add(edit);
            }
        }
        if (firstRegex is null || firstHost is null) return;
        context.MarkReportedForFilter(Id);
        context.Report(Id, "the log labels this value an IP address ('" + firstLabel + "'), but <HOST> also accepts host names and resolves them: use <ADDR>"
            + (places > 1 ? " (the fix changes every such place in the filter)" : ""),
            firstRegex.Locate(firstHost.ExpandedSpan), null,
            edits.Count == 0 ? null : new LintFix("Replace <HOST> with <ADDR> where the log labels an IP address", edits));
    }

    /// <summary>The label's last word and what follows it (<c>ip=</c>, <c>IP: </c>).</summary>
    private static string LastWord(string label)
    {
        var trimmed = label.TrimEnd(' ', '=', ':');
        var start = trimmed.Length;
        while (start > 0 && (char.IsLetterOrDigit(trimmed[start - 1]) || trimmed[start - 1] == '_')) start--;
        if (trimmed.Substring(start).Equals("address", StringComparison.OrdinalIgnoreCase))
        {
            var before = trimmed.Substring(0, start).TrimEnd();
            var ip = before.Length;
            while (ip > 0 && char.IsLetter(before[ip - 1])) ip--;
            start = ip;
        }
        return label.Substring(start).Trim();
    }

    /// <summary>Whether the host tag is right after an IP-address label (then <c>&lt;ADDR&gt;</c> is the fix, not a boundary).</summary>
    internal static bool IsLabelledAddress(LintRegex regex, TagExpansion host) => IsAddressLabel(LiteralBefore(regex.Source.Text, host.SourceSpan.Start));

    /// <summary>The literal characters written right before <paramref name="at"/> (up to 12, stopping at regex syntax).</summary>
    private static string LiteralBefore(string source, int at)
    {
        // A bracket around the address is not part of the label: ip=\[<HOST>\].
        if (at >= 2 && source[at - 2] == '\\' && source[at - 1] is '[' or '(') at -= 2;
        var start = at;
        while (start > 0 && at - start < 12)
        {
            var c = source[start - 1];
            if (!(char.IsLetterOrDigit(c) || c is ' ' or '=' or ':' or '_' or '-')) break;
            if (start >= 2 && source[start - 2] == '\\') break;
            start--;
        }
        return source.Substring(start, at - start);
    }

    /// <summary><c>ip=</c>, <c>rip=</c>, <c>IP: </c>, <c>ip </c>, <c>IP address </c>: the last word is an IP label.</summary>
    private static bool IsAddressLabel(string text)
    {
        var trimmed = text.TrimEnd(' ', '=', ':');
        if (trimmed.Length == text.Length) return false;
        var wordStart = trimmed.Length;
        while (wordStart > 0 && (char.IsLetterOrDigit(trimmed[wordStart - 1]) || trimmed[wordStart - 1] == '_')) wordStart--;
        var word = trimmed.Substring(wordStart).ToLowerInvariant();
        if (word == "address" && trimmed.Length > 8)
        {
            var before = trimmed.Substring(0, wordStart).TrimEnd().ToLowerInvariant();
            return before.EndsWith("ip", StringComparison.Ordinal);
        }
        return word is "ip" or "rip" or "ipaddr" or "ip_addr" or "client_ip" or "remote_ip" or "remoteip" or "clientip" or "ipv4" or "src_ip" or "srcip";
    }
}
